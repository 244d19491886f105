package io.tributary.requirements.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.objective.SloWindow;

class SloStepTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final Slo slo = new Slo(new BigDecimal("0.9"), SloWindow.rolling(Duration.ofMinutes(10)),
            Duration.ofMinutes(1));
    private final SliceLedger ledger = new SliceLedger(slo.slice(), Budget.capacity(slo));

    @Test
    void keepsSinceWhenTheStateHoldsAndWhenItWasLastViolated() {
        SloStatus first = step(null, new Evaluation(Status.MET, 1.0));
        assertEquals(clock.instant(), first.since());
        assertNull(first.lastViolationAt());
        SloStatus second = step(first, new Evaluation(Status.MET, 2.0));
        assertEquals(first.since(), second.since());
        SloStatus violated = step(second, new Evaluation(Status.VIOLATED, 30.0));
        assertEquals(clock.instant(), violated.since());
        assertEquals(clock.instant(), violated.lastViolationAt());
        Instant violatedAt = clock.instant();
        SloStatus again = step(violated, new Evaluation(Status.MET, 3.0));
        assertEquals(violatedAt, again.lastViolationAt());
    }

    @Test
    void spendsTheBudgetOneBadSliceAtATime() {
        SloStatus status = step(null, new Evaluation(Status.MET, 1.0));
        assertEquals(1.0, status.budgetLeft(), 1e-9);
        status = step(status, new Evaluation(Status.VIOLATED, 9.0));
        assertEquals(0.0, status.budgetLeft(), 1e-9);
        assertEquals(0.5, status.goodShare(), 1e-9);
        status = step(status, new Evaluation(Status.VIOLATED, 9.0));
        assertEquals(-1.0, status.budgetLeft(), 1e-9);
    }

    @Test
    void noDataSpendsNothing() {
        SloStatus status = step(null, Evaluation.NO_DATA);
        assertEquals(1.0, status.budgetLeft(), 1e-9);
        assertNull(status.goodShare());
    }

    @Test
    void remembersTheOldestDataEverHeld() {
        SloStatus status = SloStep.next(1, 1, slo, ledger, null, new Evaluation(Status.MET, 1.0),
                Optional.of(clock.instant().minusSeconds(100)), clock.instant());
        status = SloStep.next(1, 1, slo, ledger, status, new Evaluation(Status.MET, 1.0),
                Optional.of(clock.instant().minusSeconds(10)), clock.advance(Duration.ofMinutes(1)));
        assertEquals(Instant.parse("2026-12-06T09:58:20Z"), status.dataSince());
    }

    private SloStatus step(SloStatus previous, Evaluation evaluation) {
        return SloStep.next(1, 1, slo, ledger, previous, evaluation, Optional.empty(),
                previous == null ? clock.instant() : clock.advance(Duration.ofMinutes(1)));
    }
}
