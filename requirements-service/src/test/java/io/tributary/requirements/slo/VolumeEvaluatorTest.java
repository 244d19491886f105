package io.tributary.requirements.slo;

import static io.tributary.requirements.slo.Objectives.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Objective;

class VolumeEvaluatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));

    @Test
    void checksTheRowsOfTheLastPeriodAgainstFixedBounds() {
        Objective.Volume bounds = new Objective.Volume(Duration.ofDays(1), 100L, 1_000L, null, 7);
        StubFacts facts = new StubFacts().batch(clock.instant(), 600, 600, 0);
        assertEquals(new Evaluation(Status.MET, 600.0), Evaluators.evaluate(bounds, SOURCE, facts,
                clock.advance(Duration.ofHours(1))));
        facts.batch(clock.instant(), 500, 500, 0);
        assertEquals(new Evaluation(Status.VIOLATED, 1_100.0), Evaluators.evaluate(bounds, SOURCE, facts,
                clock.advance(Duration.ofHours(1))));
    }

    @Test
    void comparesWithTheMedianOfThePeriodsBefore() {
        Objective.Volume nearMedian = new Objective.Volume(Duration.ofDays(1), null, null, new BigDecimal("0.5"), 3);
        StubFacts facts = new StubFacts();
        Instant start = clock.instant();
        facts.batch(start.plus(Duration.ofHours(1)), 1_000, 1_000, 0);
        facts.batch(start.plus(Duration.ofHours(25)), 900, 900, 0);
        facts.batch(start.plus(Duration.ofHours(49)), 5_000, 5_000, 0);
        facts.batch(start.plus(Duration.ofHours(73)), 1_200, 1_200, 0);
        assertEquals(new Evaluation(Status.MET, 1_200.0), Evaluators.evaluate(nearMedian, SOURCE, facts,
                start.plus(Duration.ofHours(74))));
        facts.batch(start.plus(Duration.ofHours(97)), 100, 100, 0);
        assertEquals(new Evaluation(Status.VIOLATED, 100.0), Evaluators.evaluate(nearMedian, SOURCE, facts,
                start.plus(Duration.ofHours(98))));
    }

    @Test
    void hasNoDataWhileThePeriodsBeforeHadNone() {
        Objective.Volume nearMedian = new Objective.Volume(Duration.ofDays(1), null, null, new BigDecimal("0.5"), 3);
        StubFacts facts = new StubFacts().batch(clock.instant(), 10, 10, 0);
        assertEquals(Evaluation.NO_DATA, Evaluators.evaluate(nearMedian, SOURCE, facts,
                clock.advance(Duration.ofHours(1))));
    }

    @Test
    void takesTheMiddleOfAnEvenCount() {
        assertEquals(2.5, VolumeEvaluator.median(new long[]{4, 1, 3, 2}));
    }
}
