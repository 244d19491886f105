package io.tributary.requirements.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a failed webhook call is tried again: after 1, 2, 4... times the first wait, until the attempts run out. */
public record RetryPolicy(int attempts, Duration firstRetry) {

    /** The time of the next attempt after {@code attemptsMade} failed ones, or empty when it is given up. */
    public Optional<Instant> next(int attemptsMade, Instant now) {
        if (attemptsMade >= attempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(attemptsMade - 1, 20);
        return Optional.of(now.plus(firstRetry.multipliedBy(factor)));
    }
}
