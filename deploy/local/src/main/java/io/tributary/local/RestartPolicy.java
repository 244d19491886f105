package io.tributary.local;

import java.time.Duration;
import java.util.Objects;

/**
 * When to start again a process of the suite that exited unexpectedly: after a delay that doubles with each failure
 * in a row, from {@code initialDelay} up to {@code maxDelay}; a process that had stayed up {@code stableAfter} or
 * longer starts the count again, so a service that crashes once a day is back within the initial delay, and one that
 * crashes at start-up is not restarted in a tight loop.
 *
 * @param initialDelay the delay after a first failure
 * @param maxDelay the longest delay
 * @param stableAfter how long a process must have stayed up for its exit to count as a first failure again
 */
public record RestartPolicy(Duration initialDelay, Duration maxDelay, Duration stableAfter) {

    /** 1 s, 2 s, 4 s, ... up to a minute; reset after a minute up. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(1));

    public RestartPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(stableAfter, "stableAfter");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0
                || stableAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 < initialDelay <= maxDelay and stableAfter >= 0: " + initialDelay
                    + ", " + maxDelay + ", " + stableAfter);
        }
    }

    /** What to do after an unexpected exit: the how-manieth failure in a row it is, and how long to wait. */
    public record Restart(int failuresInARow, Duration delay) {
    }

    /**
     * The restart after an exit, given the failures in a row before it and how long the process had been up (zero
     * when it did not even start).
     */
    public Restart after(int failuresBefore, Duration uptime) {
        int failures = uptime.compareTo(stableAfter) >= 0 ? 1 : Math.max(0, failuresBefore) + 1;
        return new Restart(failures, delay(failures));
    }

    /** {@code initialDelay * 2^(failuresInARow - 1)}, at most {@code maxDelay}. */
    public Duration delay(int failuresInARow) {
        Duration delay = initialDelay;
        for (int i = 1; i < failuresInARow && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
