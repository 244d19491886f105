package io.tributary.requirements.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.objective.SloWindow;
import io.tributary.requirements.slo.Budget;
import io.tributary.requirements.slo.SliceLedger;

class BurnRatesTest {

    private final Slo thirtyDays = new Slo(new BigDecimal("0.999"), SloWindow.rolling(Duration.ofDays(30)),
            Duration.ofMinutes(1));

    @Test
    void theWorkbooksThresholdsForAThirtyDayWindow() {
        Duration window = Duration.ofDays(30);
        assertEquals(14.4, BurnRateRule.DEFAULTS.get(0).threshold(window), 1e-9);
        assertEquals(6.0, BurnRateRule.DEFAULTS.get(1).threshold(window), 1e-9);
        assertEquals(3.0, BurnRateRule.DEFAULTS.get(2).threshold(window), 1e-9);
        assertEquals(1.0, BurnRateRule.DEFAULTS.get(3).threshold(window), 1e-9);
    }

    @Test
    void anHourOfBadSlicesPagesAndSoResolvesOnceTheShortWindowIsGood() {
        Instant start = Instant.parse("2026-12-06T00:00:00Z");
        SliceLedger ledger = ledger();
        Instant now = fill(ledger, start, Duration.ofHours(2), true);
        now = fill(ledger, now, Duration.ofHours(1), false);
        assertEquals(Set.of(AlertKind.FAST_BURN, AlertKind.SLOW_BURN), BurnRates.firing(thirtyDays, ledger, now,
                BurnRateRule.DEFAULTS));
        now = fill(ledger, now, Duration.ofMinutes(6), true);
        assertTrue(BurnRates.firing(thirtyDays, ledger, now, BurnRateRule.DEFAULTS).contains(AlertKind.FAST_BURN),
                "the six-hour rule's half hour still holds bad minutes");
        now = fill(ledger, now, Duration.ofMinutes(25), true);
        assertEquals(Set.of(AlertKind.SLOW_BURN), BurnRates.firing(thirtyDays, ledger, now, BurnRateRule.DEFAULTS));
    }

    @Test
    void aFewBadMinutesInADayBurnNothingWorthAnAlert() {
        Instant start = Instant.parse("2026-12-06T00:00:00Z");
        SliceLedger ledger = ledger();
        Instant now = fill(ledger, start, Duration.ofHours(23), true);
        now = fill(ledger, now, Duration.ofMinutes(1), false);
        now = fill(ledger, now, Duration.ofMinutes(59), true);
        assertEquals(Set.of(), BurnRates.firing(thirtyDays, ledger, now, BurnRateRule.DEFAULTS));
    }

    @Test
    void aSteadySmallBurnOpensATicketButNoPageOnceItAddsUpToATenthOfTheBudgetInThreeDays() {
        Slo ninetyNine = new Slo(new BigDecimal("0.99"), SloWindow.rolling(Duration.ofDays(30)), Duration.ofMinutes(1));
        SliceLedger ledger = new SliceLedger(ninetyNine.slice(), Budget.capacity(ninetyNine));
        Instant now = Instant.parse("2026-12-06T00:00:00Z");
        for (int hour = 0; hour < 80; hour++) {
            now = fill(ledger, now.plusSeconds(1), Duration.ofMinutes(59), true);
            now = fill(ledger, now.plusSeconds(1), Duration.ofMinutes(1), false);
        }
        assertEquals(Set.of(AlertKind.SLOW_BURN), BurnRates.firing(ninetyNine, ledger, now, BurnRateRule.DEFAULTS));
    }

    @Test
    void rulesLongerThanTheWindowDoNotApply() {
        assertFalse(BurnRateRule.DEFAULTS.get(3).appliesTo(Duration.ofDays(1)));
        assertTrue(BurnRateRule.DEFAULTS.get(0).appliesTo(Duration.ofDays(1)));
    }

    private SliceLedger ledger() {
        return new SliceLedger(thirtyDays.slice(), Budget.capacity(thirtyDays));
    }

    private static Instant fill(SliceLedger ledger, Instant from, Duration span, boolean good) {
        Instant at = from;
        for (long minute = 0; minute < span.toMinutes(); minute++) {
            ledger.record(at, good);
            at = at.plus(Duration.ofMinutes(1));
        }
        return at.minusSeconds(1);
    }
}
