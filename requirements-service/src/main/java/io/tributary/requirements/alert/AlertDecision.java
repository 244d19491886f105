package io.tributary.requirements.alert;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.tributary.requirements.slo.Status;

/**
 * What to do with an objective's alerts after an evaluation: open those whose condition holds and are not open, and
 * resolve the open ones whose condition holds no longer. A violation resolves only when the objective is met again
 * (not while nothing can be measured); a burn resolves when no rule of its kind fires.
 */
public final class AlertDecision {

    public record Change(AlertKind kind, boolean open) {
    }

    private AlertDecision() {
    }

    /** @param open the kinds of alert open for the objective now (those this decision is about) */
    public static List<Change> decide(Status state, Set<AlertKind> burning, Set<AlertKind> open) {
        Set<AlertKind> wanted = EnumSet.noneOf(AlertKind.class);
        wanted.addAll(burning);
        if (state == Status.VIOLATED) {
            wanted.add(AlertKind.OBJECTIVE_VIOLATED);
        }
        List<Change> changes = new ArrayList<>();
        for (AlertKind kind : List.of(AlertKind.OBJECTIVE_VIOLATED, AlertKind.FAST_BURN, AlertKind.SLOW_BURN)) {
            boolean isOpen = open.contains(kind);
            if (wanted.contains(kind) && !isOpen) {
                changes.add(new Change(kind, true));
            } else if (!wanted.contains(kind) && isOpen
                    && (kind != AlertKind.OBJECTIVE_VIOLATED || state == Status.MET)) {
                changes.add(new Change(kind, false));
            }
        }
        return changes;
    }
}
