package io.tributary.requirements.slo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.objective.SloWindow;

/**
 * Error budget arithmetic over time slices. The window holds N slices (its length over the slice length; a calendar
 * window the slices of its whole period); the SLO allows (1 - target) x N bad ones. The budget left is the share of
 * those not yet spent: 1 with no bad slice, 0 when they are all spent, below 0 when overspent. Slices without an
 * evaluation (the service was down, or nothing could be measured) spend nothing.
 */
public final class Budget {

    private Budget() {
    }

    /** The first slice of the window that {@code now} is in, and the number of slices of the whole window. */
    public record Window(long firstSlice, long lastSlice, long slices) {
    }

    public static Window window(Slo slo, SliceLedger ledger, Instant now) {
        long current = ledger.index(now);
        SloWindow window = slo.window();
        if (window.type() == SloWindow.Type.ROLLING) {
            long slices = Math.max(1, ceilDiv(window.length().toMillis(), ledger.sliceMillis()));
            return new Window(current - slices + 1, current, slices);
        }
        ZonedDateTime local = now.atZone(window.timeZone());
        LocalDate start = switch (window.period()) {
            case DAY -> local.toLocalDate();
            case WEEK -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> local.toLocalDate().withDayOfMonth(1);
        };
        LocalDate end = switch (window.period()) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
        Instant from = start.atStartOfDay(window.timeZone()).toInstant();
        Instant to = end.atStartOfDay(window.timeZone()).toInstant();
        long slices = Math.max(1, ceilDiv(Duration.between(from, to).toMillis(), ledger.sliceMillis()));
        return new Window(ledger.index(from), current, slices);
    }

    /** How many bad slices the SLO allows over a window of {@code slices}. */
    public static double allowedBad(Slo slo, long slices) {
        return (1 - slo.target().doubleValue()) * slices;
    }

    /** The share of the budget left: 1 - bad / allowed; 1 when nothing is allowed and nothing was bad. */
    public static double left(Slo slo, long slices, long badSlices) {
        double allowed = allowedBad(slo, slices);
        if (allowed <= 0) {
            return badSlices == 0 ? 1 : Double.NEGATIVE_INFINITY;
        }
        return 1 - badSlices / allowed;
    }

    /** The share of good slices among those counted in the window; null when none was. */
    public static Double goodShare(SliceCounts counts) {
        return counts.counted() == 0 ? null : (double) counts.good() / counts.counted();
    }

    /** How many slices a ledger of this SLO must hold: those of its longest window (burn-rate windows are shorter). */
    public static int capacity(Slo slo) {
        return (int) Math.max(1, ceilDiv(slo.window().longest().toMillis(), slo.slice().toMillis()));
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
