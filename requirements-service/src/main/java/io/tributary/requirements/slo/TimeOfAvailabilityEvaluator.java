package io.tributary.requirements.slo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;

/**
 * Time of availability: once the local time passes HH:MM, yesterday's data must be complete; before, the day before
 * yesterday's. A dataset, pipeline or serving query is complete through the local day of its newest event; a source
 * through the day before the local day its newest delivery completed on (a daily dump carries the day before). The
 * value is the number of days missing.
 */
final class TimeOfAvailabilityEvaluator {

    private TimeOfAvailabilityEvaluator() {
    }

    static Evaluation evaluate(Objective.TimeOfAvailability objective, Target target, Facts facts, Instant now) {
        Optional<LocalDate> complete = completeThrough(objective, target, facts);
        if (complete.isEmpty()) {
            return Evaluation.NO_DATA;
        }
        LocalDate today = now.atZone(objective.timeZone()).toLocalDate();
        boolean pastDeadline = !now.isBefore(today.atTime(objective.by()).atZone(objective.timeZone()).toInstant());
        LocalDate required = today.minusDays(pastDeadline ? 1 : 2);
        long missing = Math.max(0, ChronoUnit.DAYS.between(complete.get(), required));
        return Evaluation.of(missing == 0, missing);
    }

    private static Optional<LocalDate> completeThrough(Objective.TimeOfAvailability objective, Target target,
            Facts facts) {
        if (target.type() == TargetType.SOURCE) {
            return facts.lastDelivery().map(at -> at.atZone(objective.timeZone()).toLocalDate().minusDays(1));
        }
        return facts.eventWatermark().map(at -> facts.eventTimeIsDate()
                ? at.atZone(ZoneOffset.UTC).toLocalDate()
                : at.atZone(objective.timeZone()).toLocalDate());
    }
}
