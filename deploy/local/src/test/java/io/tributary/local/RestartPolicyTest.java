package io.tributary.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final RestartPolicy POLICY = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1));

    @Test
    void delayDoublesWithEachFailureInARowUpToTheCap() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                List.of(1, 2, 3, 4, 5, 6, 7).stream().map(n -> POLICY.delay(n).toSeconds()).toList());
        assertEquals(Duration.ofSeconds(30), POLICY.delay(1_000), "no overflow however long it keeps failing");
    }

    @Test
    void anExitSoonAfterTheStartCountsAsOneMoreFailureInARow() {
        RestartPolicy.Restart third = POLICY.after(2, Duration.ofSeconds(5));
        assertEquals(3, third.failuresInARow());
        assertEquals(Duration.ofSeconds(4), third.delay());
    }

    @Test
    void aProcessThatStayedUpLongEnoughStartsTheCountAgain() {
        RestartPolicy.Restart afterAnHour = POLICY.after(6, Duration.ofHours(1));
        assertEquals(1, afterAnHour.failuresInARow());
        assertEquals(Duration.ofSeconds(1), afterAnHour.delay());
        assertEquals(1, POLICY.after(6, Duration.ofMinutes(1)).failuresInARow(), "exactly stableAfter counts as up");
    }

    @Test
    void theFirstFailureWaitsTheInitialDelay() {
        assertEquals(new RestartPolicy.Restart(1, Duration.ofSeconds(1)), POLICY.after(0, Duration.ZERO));
        assertEquals(new RestartPolicy.Restart(1, Duration.ofSeconds(1)), RestartPolicy.DEFAULT.after(0,
                Duration.ofSeconds(3)));
    }

    @Test
    void refusesDelaysThatCannotWork() {
        assertThrows(IllegalArgumentException.class,
                () -> new RestartPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO));
    }
}
