package io.tributary.requirements.slo;

import io.tributary.requirements.objective.Objective;

/** The unit each objective's measured value is given in. */
public final class Units {

    private Units() {
    }

    public static String of(Objective objective) {
        if (objective instanceof Objective.Frequency f) {
            return f.every() != null ? "s" : "batches";
        }
        return switch (objective.kind()) {
            case FRESHNESS, LATENCY, AVAILABILITY, FREQUENCY -> "s";
            case TIME_OF_AVAILABILITY -> "days";
            case ERROR_RATE -> "share";
            case VOLUME -> "rows";
            case RETENTION -> "d";
            case DEFINITION -> "";
        };
    }

    /** The objective's threshold in the same unit as its value: what a gauge shows beside it. */
    public static Double threshold(Objective objective) {
        if (objective instanceof Objective.Freshness f) {
            return f.maximum().seconds();
        } else if (objective instanceof Objective.Latency l) {
            return l.maximum().seconds();
        } else if (objective instanceof Objective.Frequency f) {
            return f.every() != null ? f.every().seconds() : f.perDay().doubleValue();
        } else if (objective instanceof Objective.TimeOfAvailability) {
            return 0.0;
        } else if (objective instanceof Objective.ErrorRate e) {
            return e.maximum().doubleValue();
        } else if (objective instanceof Objective.Volume v) {
            return v.minimum() != null ? v.minimum().doubleValue() : null;
        } else if (objective instanceof Objective.Availability a) {
            return a.within().seconds();
        } else if (objective instanceof Objective.Retention r) {
            return r.minimum().seconds() / 86_400;
        }
        return null;
    }
}
