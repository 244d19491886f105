package io.tributary.requirements.alert;

import java.time.Duration;
import java.util.List;

/**
 * A multi-window burn-rate rule: it fires when {@code budgetShare} of the error budget of the SLO's window would be
 * spent within {@code longWindow} at the rate of both the long and the short window (the short one confirms that the
 * burn is still going on, so that the alert resolves soon after it stops).
 */
public record BurnRateRule(Duration longWindow, Duration shortWindow, double budgetShare, AlertKind raises) {

    /** The rules of the SRE workbook for a 30-day window, scaled to any window by {@link #threshold}. */
    public static final List<BurnRateRule> DEFAULTS = List.of(
            new BurnRateRule(Duration.ofHours(1), Duration.ofMinutes(5), 0.02, AlertKind.FAST_BURN),
            new BurnRateRule(Duration.ofHours(6), Duration.ofMinutes(30), 0.05, AlertKind.FAST_BURN),
            new BurnRateRule(Duration.ofDays(1), Duration.ofHours(2), 0.10, AlertKind.SLOW_BURN),
            new BurnRateRule(Duration.ofDays(3), Duration.ofHours(6), 0.10, AlertKind.SLOW_BURN));

    /**
     * The burn rate at which the rule fires for a window of {@code window}: spending {@code budgetShare} of the budget
     * in {@code longWindow} is a rate of budgetShare x window / longWindow (14.4 for 2% in an hour of 30 days).
     */
    public double threshold(Duration window) {
        return budgetShare * window.toMillis() / longWindow.toMillis();
    }

    /** A rule applies only to windows longer than its long window. */
    public boolean appliesTo(Duration window) {
        return window.compareTo(longWindow) > 0;
    }
}
