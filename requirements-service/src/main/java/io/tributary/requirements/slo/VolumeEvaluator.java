package io.tributary.requirements.slo;

import java.time.Instant;
import java.util.Arrays;

import io.tributary.requirements.objective.Objective;

/**
 * Volume: the rows accepted over the last period, within fixed bounds, or within a share of the median of the
 * periods before it (no data while those periods had none).
 */
final class VolumeEvaluator {

    private VolumeEvaluator() {
    }

    static Evaluation evaluate(Objective.Volume objective, Facts facts, Instant now) {
        Instant start = now.minus(objective.period());
        long rows = facts.accepted(start, now);
        if (objective.withinShareOfMedian() == null) {
            boolean met = (objective.minimum() == null || rows >= objective.minimum())
                    && (objective.maximum() == null || rows <= objective.maximum());
            return Evaluation.of(met, rows);
        }
        long[] before = new long[objective.trailingPeriods()];
        for (int i = 0; i < before.length; i++) {
            Instant to = now.minus(objective.period().multipliedBy(i + 1L));
            before[i] = facts.accepted(to.minus(objective.period()), to);
        }
        if (Arrays.stream(before).allMatch(count -> count == 0)) {
            return Evaluation.NO_DATA;
        }
        double median = median(before);
        double allowed = objective.withinShareOfMedian().doubleValue() * median;
        return Evaluation.of(Math.abs(rows - median) <= allowed, rows);
    }

    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
