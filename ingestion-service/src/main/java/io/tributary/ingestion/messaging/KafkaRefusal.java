package io.tributary.ingestion.messaging;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How long a refusal of Kafka lasts, told from the exception alone: whether sending again later can succeed, or
 * whether the record, or the whole batch, will be refused whatever the wait. Kafka's own classes say it: a
 * {@link RetriableException} may pass (the broker is down, a leader moves, a request times out), any other
 * {@link ApiException} is an answer that sending again does not change.
 */
public enum KafkaRefusal {

    /** Kafka may take the record later: the batch waits and is sent again, as while Kafka is down. */
    TRANSIENT,
    /**
     * This record can never be taken (too large for the producer or the topic, not serialisable, a timestamp the topic
     * refuses): it is quarantined with the reason, the others go on.
     */
    RECORD,
    /**
     * No record of the batch will be taken until someone changes something (an authorization or authentication
     * refusal, an invalid topic, an unsupported setting): the batch fails with the reason instead of waiting forever.
     */
    BATCH;

    /** The refusal the error stands for. */
    public static KafkaRefusal of(Throwable error) {
        Throwable cause = unwrapped(error);
        if (cause instanceof RecordTooLargeException || cause instanceof SerializationException
                || cause instanceof InvalidRecordException || cause instanceof InvalidTimestampException) {
            return RECORD;
        }
        if (cause instanceof RetriableException || cause instanceof InterruptException) {
            return TRANSIENT;
        }
        if (cause instanceof ApiException) {
            return BATCH;
        }
        // the client's own failures (a producer closing as the service stops, an interrupted wait): not Kafka's answer
        return TRANSIENT;
    }

    /** The quarantine rule of a record refused for good: {@code kafka.} and the refusal, as {@code kafka.recordTooLarge}. */
    public static String rule(Throwable error) {
        String name = unwrapped(error).getClass().getSimpleName().replaceFirst("Exception$", "");
        return "kafka." + Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** What Kafka said, in a sentence for a batch's error or a quarantine reason. */
    public static String describe(Throwable error) {
        Throwable cause = unwrapped(error);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static Throwable unwrapped(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException
                || (cause instanceof KafkaException && !(cause instanceof ApiException)
                        && cause.getCause() instanceof ApiException))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
