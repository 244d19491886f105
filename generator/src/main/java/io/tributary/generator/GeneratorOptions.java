package io.tributary.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the generator writes: {@code rows} lines over {@code days} days from {@code startDate}, with {@code seed}; Row IDs
 * numbered from {@code firstRowId}.
 */
public record GeneratorOptions(long seed, long rows, int days, LocalDate startDate, double anomalyRate,
        double duplicateRate, int schemaChangeDay, SchemaChange schemaChange, long firstRowId) {

    public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2018, 1, 1);

    public GeneratorOptions {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(schemaChange, "schemaChange");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0: " + rows);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1: " + days);
        }
        requireRate("anomalyRate", anomalyRate);
        requireRate("duplicateRate", duplicateRate);
        if (firstRowId < 1) {
            throw new IllegalArgumentException("firstRowId must be >= 1: " + firstRowId);
        }
        if (schemaChangeDay < -1) {
            throw new IllegalArgumentException("schemaChangeDay must be >= -1: " + schemaChangeDay);
        }
    }

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(42L, 10_000L, 7, DEFAULT_START_DATE, 0.0, 0.0, -1, SchemaChange.ADD_COLUMN, 1L);
    }

    public GeneratorOptions withSeed(long value) {
        return new GeneratorOptions(value, rows, days, startDate, anomalyRate, duplicateRate, schemaChangeDay,
                schemaChange, firstRowId);
    }

    public GeneratorOptions withRows(long value) {
        return new GeneratorOptions(seed, value, days, startDate, anomalyRate, duplicateRate, schemaChangeDay,
                schemaChange, firstRowId);
    }

    public GeneratorOptions withDays(int value) {
        return new GeneratorOptions(seed, rows, value, startDate, anomalyRate, duplicateRate, schemaChangeDay,
                schemaChange, firstRowId);
    }

    public GeneratorOptions withStartDate(LocalDate value) {
        return new GeneratorOptions(seed, rows, days, value, anomalyRate, duplicateRate, schemaChangeDay,
                schemaChange, firstRowId);
    }

    public GeneratorOptions withAnomalyRate(double value) {
        return new GeneratorOptions(seed, rows, days, startDate, value, duplicateRate, schemaChangeDay,
                schemaChange, firstRowId);
    }

    public GeneratorOptions withDuplicateRate(double value) {
        return new GeneratorOptions(seed, rows, days, startDate, anomalyRate, value, schemaChangeDay,
                schemaChange, firstRowId);
    }

    public GeneratorOptions withSchemaChange(int day, SchemaChange change) {
        return new GeneratorOptions(seed, rows, days, startDate, anomalyRate, duplicateRate, day, change,
                firstRowId);
    }

    /** Row IDs numbered from {@code value} instead of 1, so that files written apart share none. */
    public GeneratorOptions withFirstRowId(long value) {
        return new GeneratorOptions(seed, rows, days, startDate, anomalyRate, duplicateRate, schemaChangeDay,
                schemaChange, value);
    }

    public GeneratorOptions withoutSchemaChange() {
        return withSchemaChange(-1, schemaChange);
    }

    public LocalDate endDate() {
        return startDate.plusDays(days - 1L);
    }

    public boolean schemaChangedOn(int dayIndex) {
        return schemaChangeDay >= 0 && dayIndex >= schemaChangeDay;
    }

    public List<String> columnsOn(int dayIndex) {
        return schemaChangedOn(dayIndex) ? SalesColumns.after(schemaChange) : SalesColumns.STANDARD;
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within [0, 1]: " + value);
        }
    }
}
