package io.tributary.transform.apply;

import io.tributary.catalog.event.RecordEvent;

/**
 * An accepted record as read from its topic partition.
 *
 * @param record null when the message was unreadable, or passed over unread for its dataset
 * @param dataset the dataset the record's header names, else the event's; null when neither says
 */
public record Delivery(String topic, int partition, long offset, AcceptedRecord record, String dataset) {

    public Delivery(String topic, int partition, long offset, RecordEvent event) {
        this(topic, partition, offset, event == null ? null : AcceptedRecord.of(event),
                event == null ? null : event.tributarydataset());
    }

    /** The event, or null as {@link #record}. */
    public RecordEvent event() {
        return record == null ? null : record.event();
    }
}
