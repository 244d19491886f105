package io.tributary.requirements.alert;

import java.util.List;

import io.tributary.catalog.event.AlertEvent;

/** Alert events opened or resolved in a transaction, to publish once it committed. */
public record AlertsRaised(List<AlertEvent> events) {
}
