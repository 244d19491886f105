package io.tributary.serving.dashboard;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The oldest data a freshness objective allows, read from the objective as the requirements service stores it. */
public final class FreshnessLimit {

    private static final Map<String, Double> SECONDS = Map.ofEntries(Map.entry("ms", 0.001),
            Map.entry("millisecond", 0.001), Map.entry("milliseconds", 0.001), Map.entry("s", 1.0),
            Map.entry("sec", 1.0), Map.entry("second", 1.0), Map.entry("seconds", 1.0), Map.entry("min", 60.0),
            Map.entry("minute", 60.0), Map.entry("minutes", 60.0), Map.entry("h", 3600.0), Map.entry("hr", 3600.0),
            Map.entry("hour", 3600.0), Map.entry("hours", 3600.0), Map.entry("d", 86400.0),
            Map.entry("day", 86400.0), Map.entry("days", 86400.0));

    private FreshnessLimit() {
    }

    /** The objective's maximum age in seconds; null when it is not a freshness objective or has no readable limit. */
    public static Double maxAgeSeconds(JsonNode objective) {
        if (objective == null || !"freshness".equals(objective.path("kind").asText())
                || !objective.path("maximum").isNumber()) {
            return null;
        }
        Double unit = SECONDS.get(objective.path("unit").asText("s").toLowerCase(Locale.ROOT));
        return unit == null ? null : objective.path("maximum").asDouble() * unit;
    }
}
