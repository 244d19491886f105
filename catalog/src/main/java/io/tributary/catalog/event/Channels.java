package io.tributary.catalog.event;

import java.util.Optional;

import io.tributary.catalog.name.DatasetName;

/**
 * Kafka channels between the services. Accepted records go to one topic per dataset (decision 0054), named by
 * {@link #acceptedRecordsOf}; every such name begins with {@link #ACCEPTED_RECORDS}, which the Kafka ACLs match by
 * prefix (decision 0048).
 */
public final class Channels {

    /**
     * The beginning of the name of every topic of accepted records, and the name of the single topic that carried the
     * accepted records of every dataset before there was one topic per dataset: the transform still applies what is
     * left on it.
     */
    public static final String ACCEPTED_RECORDS = "tributary-records-accepted";

    /** Alerts for operators, as {@link AlertEvent}s: batches held for review, among others. */
    public static final String ALERTS = "tributary-alerts";

    /**
     * The header naming the dataset of each accepted record (UTF-8), so that a consumer of the single old topic passes
     * over the datasets it does not read without decoding them.
     */
    public static final String DATASET_HEADER = "tributary-dataset";

    private static final String DATASET_TOPIC_PREFIX = ACCEPTED_RECORDS + ".";

    private Channels() {
    }

    /**
     * The topic of a dataset's accepted records, as {@link RecordEvent}s keyed by business key: the prefix, a dot and
     * the dataset's name. A dataset name (lower-case letters, digits, underscores, at most 63) makes a valid Kafka
     * topic name of at most 90 characters, and no two datasets' topics collide in Kafka's metric names, where a dot
     * and an underscore are the same: no dataset name holds a dot.
     */
    public static String acceptedRecordsOf(DatasetName dataset) {
        return DATASET_TOPIC_PREFIX + dataset.value();
    }

    /** The same, for a dataset name already checked. */
    public static String acceptedRecordsOf(String dataset) {
        return acceptedRecordsOf(new DatasetName(dataset));
    }

    /** The dataset whose accepted records a topic carries, if it is such a topic. */
    public static Optional<DatasetName> datasetOf(String topic) {
        if (topic == null || !topic.startsWith(DATASET_TOPIC_PREFIX)) {
            return Optional.empty();
        }
        String name = topic.substring(DATASET_TOPIC_PREFIX.length());
        return DatasetName.RULE.accepts(name) ? Optional.of(new DatasetName(name)) : Optional.empty();
    }
}
