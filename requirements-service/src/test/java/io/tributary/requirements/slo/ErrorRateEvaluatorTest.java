package io.tributary.requirements.slo;

import static io.tributary.requirements.slo.Objectives.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Objective;

class ErrorRateEvaluatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final Objective.ErrorRate underFivePercent = new Objective.ErrorRate(new BigDecimal("0.05"),
            Duration.ofHours(1));

    @Test
    void dividesTheQuarantinedByTheReceivedRecordsOfTheWindow() {
        StubFacts facts = new StubFacts().batch(clock.instant(), 100, 97, 3).batch(clock.instant(), 100, 99, 1);
        assertEquals(new Evaluation(Status.MET, 0.02), Evaluators.evaluate(underFivePercent, SOURCE, facts,
                clock.advance(Duration.ofMinutes(5))));
        facts.batch(clock.instant(), 100, 80, 20);
        assertEquals(new Evaluation(Status.VIOLATED, 0.08), Evaluators.evaluate(underFivePercent, SOURCE, facts,
                clock.advance(Duration.ofMinutes(5))));
    }

    @Test
    void forgetsBatchesOlderThanTheWindow() {
        StubFacts facts = new StubFacts().batch(clock.instant(), 100, 50, 50);
        assertEquals(Evaluation.NO_DATA, Evaluators.evaluate(underFivePercent, SOURCE, facts,
                clock.advance(Duration.ofMinutes(61))));
    }
}
