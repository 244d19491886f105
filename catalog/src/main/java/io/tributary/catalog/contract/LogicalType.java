package io.tributary.catalog.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The ODCS v3 logical types. */
public enum LogicalType {
    STRING,
    DATE,
    TIMESTAMP,
    TIME,
    NUMBER,
    INTEGER,
    OBJECT,
    ARRAY,
    BOOLEAN;

    public String odcsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogicalType> fromOdcs(String value) {
        return Arrays.stream(values()).filter(t -> t.odcsName().equals(value)).findFirst();
    }

    public static List<String> odcsNames() {
        return Arrays.stream(values()).map(LogicalType::odcsName).toList();
    }
}
