package io.tributary.requirements.slo;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Prometheus gauges per objective, set after each evaluation cycle: {@code tributary_slo_value} (the measured value),
 * {@code tributary_slo_threshold}, {@code tributary_slo_target} (the SLO's share), {@code tributary_slo_state} (1 met,
 * 0 violated, -1 no data) and {@code tributary_slo_budget_left}; tagged with the requirement, kind, target and unit.
 */
@ApplicationScoped
public class SloMetrics {

    private record Gauges(Tags tags, double[] values, Meter.Id[] ids) {
    }

    private static final String[] NAMES = {"tributary.slo.value", "tributary.slo.threshold", "tributary.slo.target",
            "tributary.slo.state", "tributary.slo.budget.left"};

    private final MeterRegistry registry;
    private final Map<Long, Gauges> gauges = new ConcurrentHashMap<>();

    public SloMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void onCycle(@Observes SloCycleCompleted cycle) {
        Set<Long> seen = new HashSet<>();
        for (SloCycleCompleted.Evaluated evaluated : cycle.objectives()) {
            TrackedObjective objective = evaluated.objective();
            seen.add(objective.requirementId());
            Tags tags = Tags.of("requirement", Long.toString(objective.requirementId()), "kind",
                    objective.objective().kind().jsonName(), "target", objective.target().name(), "unit",
                    Units.of(objective.objective()));
            Gauges current = gauges.get(objective.requirementId());
            if (current == null || !current.tags().equals(tags)) {
                if (current != null) {
                    remove(current);
                }
                current = register(tags);
                gauges.put(objective.requirementId(), current);
            }
            SloStatus status = evaluated.status();
            Double threshold = Units.threshold(objective.objective());
            current.values()[0] = status.value() == null ? Double.NaN : status.value();
            current.values()[1] = threshold == null ? Double.NaN : threshold;
            current.values()[2] = objective.slo().target().doubleValue();
            current.values()[3] = switch (status.state()) {
                case MET -> 1;
                case VIOLATED -> 0;
                case NO_DATA -> -1;
            };
            current.values()[4] = status.budgetLeft() == null ? Double.NaN : status.budgetLeft();
        }
        for (Long id : Set.copyOf(gauges.keySet())) {
            if (!seen.contains(id)) {
                remove(gauges.remove(id));
            }
        }
    }

    private Gauges register(Tags tags) {
        double[] values = new double[NAMES.length];
        Meter.Id[] ids = new Meter.Id[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            int index = i;
            ids[i] = Gauge.builder(NAMES[i], values, v -> v[index]).tags(tags).register(registry).getId();
        }
        return new Gauges(tags, values, ids);
    }

    private void remove(Gauges old) {
        for (Meter.Id id : old.ids()) {
            registry.remove(id);
        }
    }
}
