package io.tributary.transform.pipeline;

import java.util.List;
import java.util.Map;

/** One step of a pipeline, as declared. {@link PipelineCompiler} checks it against the fields before it. */
public sealed interface Step {

    /** Gives fields new names: old name to new name. */
    record Rename(Map<String, String> fields) implements Step {
    }

    /** Converts fields to another type: field to type. */
    record Cast(Map<String, FieldType> fields) implements Step {
    }

    /** Trims text, turns non-breaking and repeated spaces into one space, composes Unicode (NFC), sets the case. */
    record Normalise(List<String> fields, TextCase textCase) implements Step {
    }

    /** Replaces a field's values by their standard form; {@code otherwise} says what happens to an unlisted value. */
    record MapValues(String field, Map<String, String> values, Unmapped otherwise) implements Step {
    }

    /**
     * Reads a local date and time as a time in an IANA zone (the record's source's zone when {@code zone} is null) and
     * keeps it as a UTC instant. {@code format} is a {@link java.time.format.DateTimeFormatter} pattern; null is ISO.
     */
    record ToUtc(String field, String zone, String format) implements Step {
    }

    /** Sets a field to an expression's value; a null {@code type} is inferred from the fields the expression reads. */
    record Derive(String field, String expression, FieldType type) implements Step {
    }

    /** Keeps the records for which the expression is true. */
    record Filter(String expression) implements Step {
    }

    /** Adds fields of a reference pipeline's row whose key equals this record's {@code key} field. */
    record Lookup(String reference, String key, List<String> fields) implements Step {
    }

    enum TextCase {
        KEEP,
        UPPER,
        LOWER
    }

    enum Unmapped {
        /** The value stays as it is. */
        KEEP,
        /** The value becomes null. */
        NULL,
        /** The record fails the pipeline and goes to the quarantine. */
        FAIL
    }
}
