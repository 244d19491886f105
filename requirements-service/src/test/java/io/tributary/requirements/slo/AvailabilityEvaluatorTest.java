package io.tributary.requirements.slo;

import static io.tributary.requirements.slo.Objectives.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;

class AvailabilityEvaluatorTest {

    private static final Target QUERY = new Target(TargetType.SERVING, "/api/metrics/sales?groupBy=region");
    private final Objective.Availability withinASecond = new Objective.Availability(seconds(1));
    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aQuickSuccessfulAnswerIsGood() {
        StubFacts facts = new StubFacts();
        facts.probe = new Facts.Probe(true, 120, null);
        assertEquals(new Evaluation(Status.MET, 0.12), Evaluators.evaluate(withinASecond, QUERY, facts, now));
    }

    @Test
    void aSlowOrFailedAnswerIsBad() {
        StubFacts facts = new StubFacts();
        facts.probe = new Facts.Probe(true, 1_500, null);
        assertEquals(Status.VIOLATED, Evaluators.evaluate(withinASecond, QUERY, facts, now).state());
        facts.probe = new Facts.Probe(false, 30, "HTTP 500");
        assertEquals(Status.VIOLATED, Evaluators.evaluate(withinASecond, QUERY, facts, now).state());
    }

    @Test
    void noProbeIsNoData() {
        assertEquals(Evaluation.NO_DATA, Evaluators.evaluate(withinASecond, QUERY, new StubFacts(), now));
    }
}
