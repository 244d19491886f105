package io.tributary.requirements.slo;

import java.time.Instant;
import java.util.Optional;

import io.tributary.requirements.objective.Objective;

/**
 * Retention: nothing that arrived within the last N days, or since data was first seen when that is later, is gone:
 * the oldest data held arrived no later than that bound. The value is the days of data held.
 */
final class RetentionEvaluator {

    private RetentionEvaluator() {
    }

    static Evaluation evaluate(Objective.Retention objective, Facts facts, Instant now) {
        Optional<Instant> oldest = facts.oldestHeld();
        if (oldest.isEmpty()) {
            return Evaluation.NO_DATA;
        }
        Instant keptFrom = now.minus(objective.minimum().toDuration());
        Instant since = facts.dataSince().filter(first -> first.isBefore(oldest.get())).orElse(oldest.get());
        Instant bound = since.isAfter(keptFrom) ? since : keptFrom;
        return Evaluation.of(!oldest.get().isAfter(bound), Evaluators.seconds(oldest.get(), now) / 86_400);
    }
}
