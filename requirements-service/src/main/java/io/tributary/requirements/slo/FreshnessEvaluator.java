package io.tributary.requirements.slo;

import java.time.Instant;
import java.util.Optional;

import io.tributary.requirements.objective.Basis;
import io.tributary.requirements.objective.Objective;

/** Freshness: the age of the newest data the target serves, by arrival or by event time, at most the maximum. */
final class FreshnessEvaluator {

    private FreshnessEvaluator() {
    }

    static Evaluation evaluate(Objective.Freshness objective, Facts facts, Instant now) {
        Optional<Instant> newest = objective.basis() == Basis.EVENT_TIME
                ? facts.eventWatermark()
                : facts.newestArrival();
        if (newest.isEmpty()) {
            return Evaluation.NO_DATA;
        }
        double age = Evaluators.seconds(newest.get(), now);
        return Evaluation.of(age <= objective.maximum().seconds(), age);
    }
}
