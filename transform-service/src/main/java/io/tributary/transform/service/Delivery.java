package io.tributary.transform.service;

import io.tributary.catalog.event.RecordEvent;

/** An accepted record as read from its topic partition; {@code event} is null when the message was unreadable. */
public record Delivery(String topic, int partition, long offset, RecordEvent event) {
}
