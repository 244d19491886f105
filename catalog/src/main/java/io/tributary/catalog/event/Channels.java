package io.tributary.catalog.event;

/** Kafka channels between the services. Each channel's name is also its topic's name. */
public final class Channels {

    /** Records that passed their contract at the door, as {@link RecordEvent}s keyed by business key. */
    public static final String ACCEPTED_RECORDS = "tributary-records-accepted";

    /** Alerts for operators, as {@link AlertEvent}s: batches held for review, among others. */
    public static final String ALERTS = "tributary-alerts";

    /**
     * The header naming the dataset of each accepted record (UTF-8), so that a consumer passes over the datasets it
     * does not read without decoding them.
     */
    public static final String DATASET_HEADER = "tributary-dataset";

    private Channels() {
    }
}
