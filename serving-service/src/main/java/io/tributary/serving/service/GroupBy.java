package io.tributary.serving.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The dimensions sales can be grouped by. */
public enum GroupBy {
    REGION;

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupBy> fromParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameterValue().equals(value)).findFirst();
    }

    public static List<String> parameterValues() {
        return Arrays.stream(values()).map(GroupBy::parameterValue).toList();
    }
}
