package io.tributary.ingestion.service;

import java.time.Duration;
import java.util.UUID;

/**
 * Kafka did not take the accepted records of a call that answers only once they are durable, so nothing of the call
 * was acknowledged: the caller sends it again, no sooner than {@link #retryAfter()}.
 */
public class KafkaUnavailableException extends RuntimeException {

    private final UUID batchId;
    private final Duration retryAfter;

    public KafkaUnavailableException(UUID batchId, Duration retryAfter) {
        super("Kafka is unavailable, so none of these events was acknowledged: send them again later");
        this.batchId = batchId;
        this.retryAfter = retryAfter;
    }

    /** The batch the call was recorded as, now set aside as FAILED. */
    public UUID batchId() {
        return batchId;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
