package io.tributary.ingestion.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;

/** Sends accepted records to Kafka, keyed by business key, with a bounded number waiting for acknowledgement. */
@ApplicationScoped
public class RecordPublisher {

    static final int WINDOW = 4096;

    private final Emitter<RecordEvent> emitter;

    public RecordPublisher(
            @Channel(Channels.ACCEPTED_RECORDS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = WINDOW) Emitter<RecordEvent> emitter) {
        this.emitter = emitter;
    }

    /** One batch's stream of sends; {@link Flight#awaitAll()} returns once Kafka has every record or one failed. */
    Flight start() {
        return new Flight();
    }

    final class Flight {

        private final Semaphore window = new Semaphore(WINDOW);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        void send(String key, RecordEvent event) throws InterruptedException {
            window.acquire();
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(key)
                    .build();
            emitter.send(Message.of(event)
                    .addMetadata(metadata)
                    .withAck(() -> {
                        window.release();
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(error -> {
                        failure.compareAndSet(null, error);
                        window.release();
                        return CompletableFuture.completedFuture(null);
                    }));
        }

        /** Waits for every acknowledgement; throws when Kafka refused any record. */
        void awaitAll() throws InterruptedException {
            window.acquire(WINDOW);
            window.release(WINDOW);
            Throwable error = failure.get();
            if (error != null) {
                throw new PublishException(error);
            }
        }
    }

    static final class PublishException extends RuntimeException {
        PublishException(Throwable cause) {
            super("Kafka did not take every accepted record: " + cause.getMessage(), cause);
        }
    }
}
