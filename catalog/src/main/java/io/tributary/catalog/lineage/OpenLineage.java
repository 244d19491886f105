package io.tributary.catalog.lineage;

import java.util.Locale;

/**
 * The OpenLineage spec versions Tributary writes, and its dataset naming: the namespace names the data source and the
 * name the dataset within it (https://openlineage.io/docs/spec/naming).
 */
public final class OpenLineage {

    /** The JSON Schema of the run events Tributary writes: OpenLineage 2-0-2. */
    public static final String RUN_EVENT_SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

    /** Tributary's jobs, and the logical datasets of its catalog (named as in {@code catalog.dataset}). */
    public static final String TRIBUTARY_NAMESPACE = "tributary";

    /** Files on a local file system; the dataset name is the file's absolute path. */
    public static final String FILE_NAMESPACE = "file";

    /** The {@code integration} of Tributary's jobs in their {@code jobType} facet. */
    public static final String INTEGRATION = "TRIBUTARY";

    private OpenLineage() {
    }

    /**
     * The namespace of a Kafka cluster's topics: {@code kafka://{host}:{port}} of its first bootstrap server. A listener
     * prefix such as {@code PLAINTEXT://} is dropped.
     */
    public static String kafkaNamespace(String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap server given");
        }
        String first = bootstrapServers.split(",")[0].trim();
        int scheme = first.indexOf("://");
        if (scheme >= 0) {
            first = first.substring(scheme + 3);
        }
        return "kafka://" + first.toLowerCase(Locale.ROOT);
    }
}
