package io.tributary.requirements.slo;

import static io.tributary.requirements.slo.Objectives.PIPELINE;
import static io.tributary.requirements.slo.Objectives.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Basis;
import io.tributary.requirements.objective.Objective;

class LatencyEvaluatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final Objective.Latency p99 = new Objective.Latency(seconds(2), BigDecimal.valueOf(99), Basis.ARRIVAL,
            Duration.ofMinutes(5));

    @Test
    void takesThePercentileOfTheRecordsAppliedOverTheWindow() {
        StubFacts facts = new StubFacts();
        for (int i = 0; i < 99; i++) {
            facts.latency(Basis.ARRIVAL, clock.instant(), 300);
        }
        facts.latency(Basis.ARRIVAL, clock.instant(), 30_000);
        Evaluation evaluation = Evaluators.evaluate(p99, PIPELINE, facts, clock.advance(Duration.ofMinutes(1)));
        assertEquals(Status.MET, evaluation.state());
        assertTrue(evaluation.value() >= 0.3 && evaluation.value() <= 0.3 * 1.125, evaluation::toString);
    }

    @Test
    void isViolatedWhenTheSlowRecordsAreMoreThanThePercentileAllows() {
        StubFacts facts = new StubFacts();
        for (int i = 0; i < 95; i++) {
            facts.latency(Basis.ARRIVAL, clock.instant(), 300);
        }
        for (int i = 0; i < 5; i++) {
            facts.latency(Basis.ARRIVAL, clock.instant(), 4_000);
        }
        assertEquals(Status.VIOLATED, Evaluators.evaluate(p99, PIPELINE, facts, clock.advance(Duration.ofSeconds(1)))
                .state());
    }

    @Test
    void forgetsRecordsOlderThanTheWindowAndThenHasNoData() {
        StubFacts facts = new StubFacts().latency(Basis.ARRIVAL, clock.instant(), 4_000);
        assertEquals(Evaluation.NO_DATA, Evaluators.evaluate(p99, PIPELINE, facts,
                clock.advance(Duration.ofMinutes(6))));
    }

    @Test
    void measuresFromEventTimeSeparately() {
        StubFacts facts = new StubFacts().latency(Basis.ARRIVAL, clock.instant(), 100)
                .latency(Basis.EVENT_TIME, clock.instant(), 9_000);
        Objective.Latency byEventTime = new Objective.Latency(seconds(2), BigDecimal.valueOf(50), Basis.EVENT_TIME,
                Duration.ofMinutes(5));
        assertEquals(Status.VIOLATED, Evaluators.evaluate(byEventTime, PIPELINE, facts,
                clock.advance(Duration.ofSeconds(1))).state());
    }
}
