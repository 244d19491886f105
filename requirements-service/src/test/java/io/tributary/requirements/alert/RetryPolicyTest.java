package io.tributary.requirements.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1));
    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void waitsTwiceAsLongAfterEachFailure() {
        assertEquals(Optional.of(now.plusSeconds(1)), policy.next(1, now));
        assertEquals(Optional.of(now.plusSeconds(2)), policy.next(2, now));
        assertEquals(Optional.of(now.plusSeconds(4)), policy.next(3, now));
    }

    @Test
    void givesUpWhenTheAttemptsRunOut() {
        assertEquals(Optional.empty(), policy.next(4, now));
    }
}
