package io.tributary.catalog.lineage;

import java.util.Locale;

/**
 * Tributary's dataset naming in OpenLineage: the namespace names the data source and the name the dataset within it
 * (https://openlineage.io/docs/spec/naming).
 */
public final class Namespaces {

    /** Tributary's jobs, and the logical datasets of its catalog (named as in {@code catalog.dataset}). */
    public static final String TRIBUTARY = "tributary";

    /** Files on a local file system; the dataset name is the file's absolute path. */
    public static final String FILE = "file";

    private Namespaces() {
    }

    /**
     * The namespace of a Kafka cluster's topics: {@code kafka://{host}:{port}} of its first bootstrap server. A listener
     * prefix such as {@code PLAINTEXT://} is dropped.
     */
    public static String kafka(String bootstrapServers) {
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
