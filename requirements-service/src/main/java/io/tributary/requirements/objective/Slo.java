package io.tributary.requirements.objective;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A service level objective: the objective holds in at least {@code target} of the time slices of {@code slice} length
 * within the window (for example 99% of minutes over 28 days).
 */
public record Slo(BigDecimal target, SloWindow window, Duration slice) {

    public static final Slo DEFAULT = new Slo(new BigDecimal("0.99"), SloWindow.rolling(Duration.ofDays(28)),
            Duration.ofMinutes(1));
}
