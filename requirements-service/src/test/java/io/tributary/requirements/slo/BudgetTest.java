package io.tributary.requirements.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.objective.SloWindow;

class BudgetTest {

    private final Slo rolling = new Slo(new BigDecimal("0.99"), SloWindow.rolling(Duration.ofDays(28)),
            Duration.ofMinutes(1));

    @Test
    void aRollingWindowOf28DaysOfMinutesAllows403BadMinutes() {
        SliceLedger ledger = new SliceLedger(Duration.ofMinutes(1), Budget.capacity(rolling));
        Budget.Window window = Budget.window(rolling, ledger, Instant.parse("2026-12-06T10:00:30Z"));
        assertEquals(40_320, window.slices());
        assertEquals(window.lastSlice() - window.slices() + 1, window.firstSlice());
        assertEquals(403.2, Budget.allowedBad(rolling, window.slices()), 1e-9);
    }

    @Test
    void theBudgetLeftFallsWithEachBadSliceAndGoesBelowZeroWhenOverspent() {
        assertEquals(1.0, Budget.left(rolling, 40_320, 0), 1e-9);
        assertEquals(0.5, Budget.left(rolling, 40_320, 201), 0.01);
        assertEquals(0.0, Budget.left(rolling, 100, 1), 1e-9);
        assertEquals(-1.0, Budget.left(rolling, 100, 2), 1e-9);
    }

    @Test
    void aCalendarMonthCountsFromItsFirstDayInItsZone() {
        Slo monthly = new Slo(new BigDecimal("0.999"), SloWindow.calendar(SloWindow.CalendarPeriod.MONTH,
                ZoneId.of("America/New_York")), Duration.ofMinutes(1));
        SliceLedger ledger = new SliceLedger(Duration.ofMinutes(1), Budget.capacity(monthly));
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        Budget.Window window = Budget.window(monthly, ledger, now);
        assertEquals(31 * 24 * 60, window.slices());
        assertEquals(ledger.index(Instant.parse("2026-12-01T05:00:00Z")), window.firstSlice());
        assertEquals(ledger.index(now), window.lastSlice());
    }

    @Test
    void aCalendarDayAcrossTheSpringChangeHas23Hours() {
        Slo daily = new Slo(new BigDecimal("0.99"), SloWindow.calendar(SloWindow.CalendarPeriod.DAY,
                ZoneId.of("America/New_York")), Duration.ofMinutes(1));
        SliceLedger ledger = new SliceLedger(Duration.ofMinutes(1), Budget.capacity(daily));
        assertEquals(23 * 60, Budget.window(daily, ledger, Instant.parse("2026-03-08T15:00:00Z")).slices());
    }

    @Test
    void theGoodShareIsAmongTheSlicesEvaluated() {
        assertEquals(0.75, Budget.goodShare(new SliceCounts(3, 1)));
        assertNull(Budget.goodShare(SliceCounts.NONE));
    }
}
