package io.tributary.requirements.slo;

import java.time.Instant;

import io.tributary.catalog.latency.LatencyBuckets;
import io.tributary.requirements.objective.Objective;

/**
 * Latency: the given percentile of the delays of the records applied over the last {@code over}, from their arrival
 * or their event time, at most the maximum. Percentiles are bucket upper bounds: never below the true value.
 */
final class LatencyEvaluator {

    private LatencyEvaluator() {
    }

    static Evaluation evaluate(Objective.Latency objective, Facts facts, Instant now) {
        long[] counts = facts.latency(objective.basis(), now.minus(objective.over()), now);
        long millis = LatencyBuckets.percentile(counts, objective.percentile().doubleValue());
        if (millis < 0) {
            return Evaluation.NO_DATA;
        }
        double seconds = millis / 1000.0;
        return Evaluation.of(seconds <= objective.maximum().seconds(), seconds);
    }
}
