package io.tributary.ingestion.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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

    /** Alerts that the batch of the source and dataset is held for the reason. */
    public void batchHeld(UUID batch, String source, String dataset, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("batch", batch.toString());
        details.put("source", source);
        details.put("dataset", dataset);
        details.put("reason", reason);
        details.put("review", "/api/batches/" + batch + "/review");
        LOG.warnf("batch %s of %s held for review: %s", batch, source, reason);
        emitter.send(AlertEvent.batchHeld("ingestion-service", batch, details))
                .exceptionally(error -> {
                    LOG.errorf(error, "the alert for batch %s could not be sent", batch);
                    return null;
                });
    }
}
