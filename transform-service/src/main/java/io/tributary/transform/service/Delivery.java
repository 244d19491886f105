package io.tributary.transform.service;

import io.tributary.catalog.event.RecordEvent;

/**
 * An accepted record as read from its topic partition.
 *
 * @param event null when the message was unreadable, or passed over unread for its dataset
 * @param dataset the dataset the record's header names, else the event's; null when neither says
 */
public record Delivery(String topic, int partition, long offset, RecordEvent event, String dataset) {

    public Delivery(String topic, int partition, long offset, RecordEvent event) {
        this(topic, partition, offset, event, event == null ? null : event.tributarydataset());
    }
}
