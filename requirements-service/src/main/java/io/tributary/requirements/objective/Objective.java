package io.tributary.requirements.objective;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.tributary.requirements.requirement.TargetType;

/** What a requirement asks of its target, typed per kind; every kind but {@link Definition} is measured live. */
public sealed interface Objective {

    ObjectiveKind kind();

    /** The target types the objective can be measured on. */
    List<TargetType> targets();

    /** The age of the newest data the target serves is at most {@code maximum}. */
    record Freshness(Amount maximum, Basis basis) implements Objective {
        public ObjectiveKind kind() {
            return ObjectiveKind.FRESHNESS;
        }

        public List<TargetType> targets() {
            return List.of(TargetType.DATASET, TargetType.PIPELINE, TargetType.SERVING);
        }
    }

    /** The time from an event's occurrence or arrival until it is served, at {@code percentile}, over {@code over}. */
    record Latency(Amount maximum, BigDecimal percentile, Basis basis, Duration over) implements Objective {
        public ObjectiveKind kind() {
            return ObjectiveKind.LATENCY;
        }

        public List<TargetType> targets() {
            return List.of(TargetType.DATASET, TargetType.PIPELINE, TargetType.SERVING);
        }
    }

    /** New data at least every {@code every}, or at least {@code perDay} batches in any 24 hours (one of the two). */
    record Frequency(Amount every, Integer perDay) implements Objective {
        public ObjectiveKind kind() {
            return ObjectiveKind.FREQUENCY;
        }

        public List<TargetType> targets() {
            return List.of(TargetType.SOURCE, TargetType.DATASET, TargetType.PIPELINE);
        }
    }

    /** The data of local day D is complete by {@code by} on day D+1 in {@code timeZone}. */
    record TimeOfAvailability(LocalTime by, ZoneId timeZone) implements Objective {
        public ObjectiveKind kind() {
            return ObjectiveKind.TIME_OF_AVAILABILITY;
        }

        public List<TargetType> targets() {
            return List.of(TargetType.DATASET, TargetType.PIPELINE, TargetType.SERVING, TargetType.SOURCE);
        }
    }

    /** Quarantined records over received ones, in the batches of the last {@code over}, at most {@code maximum}. */
    record ErrorRate(BigDecimal maximum, Duration over) implements Objective {
        public ObjectiveKind kind() {
            return ObjectiveKind.ERROR_RATE;
        }

        public List<TargetType> targets() {
            return List.of(TargetType.SOURCE, TargetType.DATASET);
        }
    }

    /**
     * Accepted rows per {@code period}: within [minimum, maximum], or within {@code withinShareOfMedian} of the median
     * of the {@code trailingPeriods} periods before.
     */
    record Volume(Duration period, Long minimum, Long maximum, BigDecimal withinShareOfMedian, int trailingPeriods)
            implements
                Objective {
        public ObjectiveKind kind() {
            return ObjectiveKind.VOLUME;
        }

        public List<TargetType> targets() {
            return List.of(TargetType.SOURCE, TargetType.DATASET);
        }
    }

    /** A serving query answers successfully within {@code within}; the SLO says in what share of probes. */
    record Availability(Amount within) implements Objective {
        public ObjectiveKind kind() {
            return ObjectiveKind.AVAILABILITY;
        }

        public List<TargetType> targets() {
            return List.of(TargetType.SERVING);
        }
    }

    /** Data is kept at least {@code minimum}. */
    record Retention(Amount minimum) implements Objective {
        public ObjectiveKind kind() {
            return ObjectiveKind.RETENTION;
        }

        public List<TargetType> targets() {
            return List.of(TargetType.SOURCE, TargetType.DATASET);
        }
    }

    /**
     * What the numbers mean, agreed with the stakeholder and not measured: the day's boundary and zone, the currency,
     * what fields mean, and the pipeline and serving parameters that implement it.
     */
    record Definition(ZoneId timeZone, LocalTime dayStart, String currency, Map<String, String> meanings,
            List<Implementation> implementedBy) implements Objective {
        public ObjectiveKind kind() {
            return ObjectiveKind.DEFINITION;
        }

        public List<TargetType> targets() {
            return List.of(TargetType.values());
        }
    }

    /** A pipeline or serving parameter that implements a definition, e.g. pipeline {@code sales}, {@code eventTime}. */
    record Implementation(TargetType type, String name, String parameter) {
    }
}
