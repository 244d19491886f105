package io.tributary.transform.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pipeline version checked against its dataset's contract and ready to run.
 *
 * @param output the curated columns and their types, in order
 * @param lineage for each curated column, the input fields it is computed from ({@code pipeline.field} for a field
 *        looked up in a reference pipeline)
 * @param transformed the curated columns whose value is computed (cast, normalised, mapped, converted to UTC,
 *        derived) rather than copied, perhaps under another name, from the one field of their lineage
 * @param conversions the curated columns {@link #run} converts to their type on output, in order: those whose value
 *        the steps may leave of another type (a looked-up field). The others are of their type already (an input
 *        field read as its type, a cast, derived, normalised field...), and converting a value of its type again
 *        gives the same value. {@link #plain()} converts every column.
 */
public record CompiledPipeline(
        PipelineDefinition definition,
        int version,
        Map<String, FieldType> input,
        Map<String, FieldType> output,
        Map<String, Set<String>> lineage,
        Set<String> transformed,
        List<RowStep> steps,
        Map<String, FieldType> conversions) {

    /** The same pipeline converting every column again on output: the reference of {@link #run}'s single conversion. */
    public CompiledPipeline plain() {
        return new CompiledPipeline(definition, version, input, output, lineage, transformed, steps, output);
    }

    public String name() {
        return definition.name();
    }

    public boolean isReference() {
        return definition.kind() == PipelineDefinition.Kind.REFERENCE;
    }

    /** The type of the event-time column, or null when the pipeline declares none. */
    public FieldType eventTimeType() {
        return definition.eventTime() == null ? null : output.get(definition.eventTime());
    }

    /**
     * Runs the steps on one record's data (field to value as the record event carries them).
     *
     * @param businessKey the record's identity from ingestion, its key when the pipeline declares none
     */
    public Outcome run(Map<String, Object> data, String source, String businessKey, RowContext context) {
        WorkingRow row = new WorkingRow(source, context);
        String step = "input";
        try {
            for (Map.Entry<String, FieldType> field : input.entrySet()) {
                String name = field.getKey();
                row.values.put(name, coerce(field.getValue(), data == null ? null : data.get(name), name));
            }
            for (int i = 0; i < steps.size(); i++) {
                step = "step " + (i + 1);
                if (!steps.get(i).apply(row)) {
                    return new Outcome.Filtered(bestKey(row, businessKey), definition.steps().get(i).toString());
                }
            }
            step = "output";
            for (Map.Entry<String, FieldType> column : conversions.entrySet()) {
                row.values.put(column.getKey(), coerce(column.getValue(), row.values.get(column.getKey()),
                        column.getKey()));
            }
            return new Outcome.Curated(keyOf(row.values, businessKey), row.values, List.copyOf(row.pending));
        } catch (RowFailure failure) {
            return new Outcome.Failed(bestKey(row, businessKey), step, failure.field(), failure.getMessage());
        }
    }

    private String bestKey(WorkingRow row, String businessKey) {
        try {
            return keyOf(row.values, businessKey);
        } catch (RowFailure e) {
            return businessKey;
        }
    }

    /** The record's identity in the curated table: its key fields' values, or the business key from ingestion. */
    private String keyOf(Map<String, Object> values, String businessKey) {
        List<String> key = definition.key();
        if (key.isEmpty()) {
            return businessKey;
        }
        StringBuilder joined = new StringBuilder();
        for (String field : key) {
            Object value = values.get(field);
            if (value == null) {
                throw new RowFailure(field, "the key field '" + field + "' has no value");
            }
            if (!joined.isEmpty()) {
                joined.append('|');
            }
            joined.append(value);
        }
        return joined.toString();
    }

    static Object coerce(FieldType type, Object value, String field) {
        try {
            return type.coerce(value);
        } catch (IllegalArgumentException e) {
            throw new RowFailure(field, "field '" + field + "': " + e.getMessage());
        }
    }
}
