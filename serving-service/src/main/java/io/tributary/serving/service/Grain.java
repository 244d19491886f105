package io.tributary.serving.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How finely rows are split in time: one row per group over the whole range, per day, or per month. */
public enum Grain {
    TOTAL,
    DAY,
    MONTH;

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Grain> fromParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameterValue().equals(value)).findFirst();
    }

    public static List<String> parameterValues() {
        return Arrays.stream(values()).map(Grain::parameterValue).toList();
    }
}
