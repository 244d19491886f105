package io.tributary.requirements.slo;

import java.util.Optional;

import io.tributary.requirements.objective.Objective;

/** Availability: the latest probe of the serving query answered with a 2xx status within the time allowed. */
final class AvailabilityEvaluator {

    private AvailabilityEvaluator() {
    }

    static Evaluation evaluate(Objective.Availability objective, Facts facts) {
        Optional<Facts.Probe> probe = facts.probe();
        if (probe.isEmpty()) {
            return Evaluation.NO_DATA;
        }
        double seconds = probe.get().millis() / 1000.0;
        return Evaluation.of(probe.get().ok() && seconds <= objective.within().seconds(), seconds);
    }
}
