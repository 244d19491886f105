package io.tributary.requirements.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.tributary.requirements.objective.Objective;

/** Frequency: new data at least every X (seconds since the last delivery), or N deliveries in the last 24 hours. */
final class FrequencyEvaluator {

    private FrequencyEvaluator() {
    }

    static Evaluation evaluate(Objective.Frequency objective, Facts facts, Instant now) {
        Optional<Instant> last = facts.lastDelivery();
        if (last.isEmpty()) {
            return Evaluation.NO_DATA;
        }
        if (objective.every() != null) {
            double since = Evaluators.seconds(last.get(), now);
            return Evaluation.of(since <= objective.every().seconds(), since);
        }
        long batches = facts.deliveriesSince(now.minus(Duration.ofDays(1)));
        return Evaluation.of(batches >= objective.perDay(), batches);
    }
}
