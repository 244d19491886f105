package io.tributary.requirements.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.slo.Status;

class AlertDecisionTest {

    @Test
    void aViolationOpensAnAlertOnce() {
        assertEquals(List.of(new AlertDecision.Change(AlertKind.OBJECTIVE_VIOLATED, true)),
                AlertDecision.decide(Status.VIOLATED, Set.of(), Set.of()));
        assertEquals(List.of(), AlertDecision.decide(Status.VIOLATED, Set.of(), Set.of(AlertKind.OBJECTIVE_VIOLATED)));
    }

    @Test
    void itResolvesWhenTheObjectiveHoldsAgainButNotWhileNothingIsMeasured() {
        assertEquals(List.of(), AlertDecision.decide(Status.NO_DATA, Set.of(), Set.of(AlertKind.OBJECTIVE_VIOLATED)));
        assertEquals(List.of(new AlertDecision.Change(AlertKind.OBJECTIVE_VIOLATED, false)),
                AlertDecision.decide(Status.MET, Set.of(), Set.of(AlertKind.OBJECTIVE_VIOLATED)));
    }

    @Test
    void burnsOpenAndResolveWithTheirRules() {
        assertEquals(List.of(new AlertDecision.Change(AlertKind.FAST_BURN, true)),
                AlertDecision.decide(Status.MET, Set.of(AlertKind.FAST_BURN), Set.of()));
        assertEquals(List.of(new AlertDecision.Change(AlertKind.FAST_BURN, false),
                new AlertDecision.Change(AlertKind.SLOW_BURN, true)),
                AlertDecision.decide(Status.MET, Set.of(AlertKind.SLOW_BURN), Set.of(AlertKind.FAST_BURN)));
    }
}
