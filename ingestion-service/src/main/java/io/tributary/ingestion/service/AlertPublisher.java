package io.tributary.ingestion.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import io.tributary.catalog.event.AlertEvent;
import io.tributary.catalog.event.Channels;

/** Tells operators that a batch waits for them. An alert that cannot be sent is logged; the hold stands either way. */
@ApplicationScoped
public class AlertPublisher {

    private static final Logger LOG = Logger.getLogger(AlertPublisher.class);

    private final Emitter<AlertEvent> emitter;

    public AlertPublisher(@Channel(Channels.ALERTS) Emitter<AlertEvent> emitter) {
        this.emitter = emitter;
    }

    void batchHeld(BatchJob job, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("batch", job.batchId().toString());
        details.put("source", job.source());
        details.put("dataset", job.dataset());
        details.put("reason", reason);
        details.put("review", "/api/batches/" + job.batchId() + "/review");
        LOG.warnf("batch %s of %s held for review: %s", job.batchId(), job.source(), reason);
        emitter.send(AlertEvent.batchHeld("ingestion-service", job.batchId(), details))
                .exceptionally(error -> {
                    LOG.errorf(error, "the alert for batch %s could not be sent", job.batchId());
                    return null;
                });
    }
}
