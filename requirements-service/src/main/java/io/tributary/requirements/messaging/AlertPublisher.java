package io.tributary.requirements.messaging;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.catalog.event.AlertEvent;
import io.tributary.catalog.event.Channels;
import io.tributary.requirements.alert.AlertsRaised;

/**
 * Publishes alerts about requirements on the alerts topic, keyed by the requirement, after the transaction that
 * stored them committed. One that Kafka does not take is logged; the alert stays stored and its webhooks owed.
 */
@ApplicationScoped
public class AlertPublisher {

    private static final Logger LOG = Logger.getLogger(AlertPublisher.class);

    private final Emitter<AlertEvent> emitter;

    public AlertPublisher(@Channel(Channels.ALERTS) Emitter<AlertEvent> emitter) {
        this.emitter = emitter;
    }

    /** Publishes the alerts of a transaction once it committed; nothing of a rolled back one. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertsRaised raised) {
        publish(raised.events());
    }

    public void publish(List<AlertEvent> events) {
        for (AlertEvent event : events) {
            OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(event.subject()).build();
            emitter.send(Message.of(event).addMetadata(key).withNack(error -> {
                LOG.errorf(error, "alert event %s (%s) could not be published", event.id(), event.type());
                return CompletableFuture.completedFuture(null);
            }));
        }
    }
}
