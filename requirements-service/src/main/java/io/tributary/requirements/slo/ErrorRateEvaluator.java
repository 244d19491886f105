package io.tributary.requirements.slo;

import java.time.Instant;

import io.tributary.requirements.objective.Objective;

/** Error rate: quarantined over received records of the batches completed in the last {@code over}. */
final class ErrorRateEvaluator {

    private ErrorRateEvaluator() {
    }

    static Evaluation evaluate(Objective.ErrorRate objective, Facts facts, Instant now) {
        Facts.Counts counts = facts.counts(now.minus(objective.over()));
        if (counts.received() == 0) {
            return Evaluation.NO_DATA;
        }
        double rate = (double) counts.quarantined() / counts.received();
        return Evaluation.of(rate <= objective.maximum().doubleValue(), rate);
    }
}
