package io.tributary.requirements.slo;

import java.time.Instant;
import java.util.Optional;

import io.tributary.requirements.objective.Slo;

/**
 * One evaluation folded into an objective's state: the slice ledger counts it, the budget is worked out over the SLO's
 * window, and the status keeps since when the state holds and when the objective was last violated.
 */
public final class SloStep {

    private SloStep() {
    }

    public static SloStatus next(long requirementId, int version, Slo slo, SliceLedger ledger, SloStatus previous,
            Evaluation evaluation, Optional<Instant> oldestHeld, Instant now) {
        if (evaluation.state() != Status.NO_DATA) {
            ledger.record(now, evaluation.state() == Status.MET);
        }
        Budget.Window window = Budget.window(slo, ledger, now);
        SliceCounts counts = ledger.count(window.firstSlice(), window.lastSlice());
        double left = Budget.left(slo, window.slices(), counts.bad());
        Instant since = previous != null && previous.state() == evaluation.state() ? previous.since() : now;
        Instant lastViolation = evaluation.state() == Status.VIOLATED
                ? now
                : previous == null ? null : previous.lastViolationAt();
        Instant dataSince = previous == null ? null : previous.dataSince();
        if (oldestHeld.isPresent() && (dataSince == null || oldestHeld.get().isBefore(dataSince))) {
            dataSince = oldestHeld.get();
        }
        return new SloStatus(requirementId, version, evaluation.state(), evaluation.value(), now,
                Budget.goodShare(counts), Double.isInfinite(left) ? null : left, since, lastViolation, dataSince);
    }
}
