package io.tributary.requirements.slo;

import java.util.List;

/** Fired after each evaluation cycle with every tracked objective and its new status (for gauges). */
public record SloCycleCompleted(List<Evaluated> objectives) {

    public record Evaluated(TrackedObjective objective, SloStatus status) {
    }
}
