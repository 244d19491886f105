package io.tributary.requirements.objective;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of objective, by the name they have in requests and in ODCS. */
public enum ObjectiveKind {
    FRESHNESS("freshness"),
    LATENCY("latency"),
    FREQUENCY("frequency"),
    TIME_OF_AVAILABILITY("timeOfAvailability"),
    ERROR_RATE("errorRate"),
    VOLUME("volume"),
    AVAILABILITY("availability"),
    RETENTION("retention"),
    DEFINITION("definition");

    private final String jsonName;

    ObjectiveKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Every kind but {@code definition} is measured against the running system. */
    public boolean measured() {
        return this != DEFINITION;
    }

    public static Optional<ObjectiveKind> of(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ObjectiveKind::jsonName).toList();
    }
}
