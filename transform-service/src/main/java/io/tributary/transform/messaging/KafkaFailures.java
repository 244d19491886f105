package io.tributary.transform.messaging;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Whether a failure of Kafka will pass if tried again: Kafka's own classes say it. A {@link RetriableException} (the
 * broker down, a leader moving, a request timing out) and the client's own failures may pass; any other
 * {@link ApiException} (an authorization or authentication refusal, an invalid or unknown topic name, an unsupported
 * version) is an answer that asking again does not change.
 */
public final class KafkaFailures {

    private KafkaFailures() {
    }

    public static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException) {
                return !(cause instanceof RetriableException);
            }
            if (!(cause instanceof KafkaException || cause instanceof ExecutionException
                    || cause instanceof CompletionException || cause instanceof IllegalStateException)
                    || cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /** What Kafka said, in a sentence for a backfill's error or a log line. */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException || cause.getCause() == null || cause.getCause() == cause) {
                String message = cause.getMessage();
                return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
            }
        }
        return String.valueOf(failure);
    }
}
