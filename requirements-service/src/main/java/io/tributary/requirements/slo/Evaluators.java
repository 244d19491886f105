package io.tributary.requirements.slo;

import java.time.Instant;

import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.requirement.Target;

/** Evaluates any measured objective with the evaluator of its kind. */
public final class Evaluators {

    private Evaluators() {
    }

    public static Evaluation evaluate(Objective objective, Target target, Facts facts, Instant now) {
        if (objective instanceof Objective.Freshness f) {
            return FreshnessEvaluator.evaluate(f, facts, now);
        } else if (objective instanceof Objective.Latency l) {
            return LatencyEvaluator.evaluate(l, facts, now);
        } else if (objective instanceof Objective.Frequency f) {
            return FrequencyEvaluator.evaluate(f, facts, now);
        } else if (objective instanceof Objective.TimeOfAvailability t) {
            return TimeOfAvailabilityEvaluator.evaluate(t, target, facts, now);
        } else if (objective instanceof Objective.ErrorRate e) {
            return ErrorRateEvaluator.evaluate(e, facts, now);
        } else if (objective instanceof Objective.Volume v) {
            return VolumeEvaluator.evaluate(v, facts, now);
        } else if (objective instanceof Objective.Availability a) {
            return AvailabilityEvaluator.evaluate(a, facts);
        } else if (objective instanceof Objective.Retention r) {
            return RetentionEvaluator.evaluate(r, facts, now);
        }
        return Evaluation.NO_DATA;
    }

    static double seconds(Instant from, Instant to) {
        return Math.max(0, to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
    }
}
