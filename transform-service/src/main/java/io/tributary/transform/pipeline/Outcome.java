package io.tributary.transform.pipeline;

import java.util.List;
import java.util.Map;

/** What a pipeline made of one record, under the record's key in the curated table. */
public sealed interface Outcome {

    String key();

    /** The curated row; {@code pending} names the reference pipelines whose row for it has not arrived yet. */
    record Curated(String key, Map<String, Object> values, List<String> pending) implements Outcome {
    }

    /** A filter step left the record out. */
    record Filtered(String key, String expression) implements Outcome {
    }

    /** The record could not be processed; it goes to the quarantine with this reason. */
    record Failed(String key, String step, String field, String reason) implements Outcome {
    }
}
