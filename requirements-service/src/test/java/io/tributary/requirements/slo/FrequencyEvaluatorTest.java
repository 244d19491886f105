package io.tributary.requirements.slo;

import static io.tributary.requirements.slo.Objectives.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Amount;
import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.TimeUnit;

class FrequencyEvaluatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

    @Test
    void countsTheTimeSinceTheLastBatchThatBroughtRecords() {
        Objective.Frequency hourly = new Objective.Frequency(new Amount(BigDecimal.ONE, TimeUnit.HOURS), null);
        StubFacts facts = new StubFacts().batch(clock.instant(), 10, 10, 0)
                .batch(clock.instant().plusSeconds(1_800), 5, 0, 5);
        assertEquals(new Evaluation(Status.MET, 3_000.0), Evaluators.evaluate(hourly, SOURCE, facts,
                clock.advance(Duration.ofMinutes(50))));
        assertEquals(Status.VIOLATED, Evaluators.evaluate(hourly, SOURCE, facts,
                clock.advance(Duration.ofMinutes(11))).state());
    }

    @Test
    void countsTheBatchesOfTheLastDay() {
        Objective.Frequency fourADay = new Objective.Frequency(null, 4);
        StubFacts facts = new StubFacts();
        for (int hour = 0; hour < 24; hour += 6) {
            facts.batch(clock.instant().plus(Duration.ofHours(hour)), 1, 1, 0);
        }
        assertEquals(new Evaluation(Status.MET, 4.0), Evaluators.evaluate(fourADay, SOURCE, facts,
                clock.advance(Duration.ofHours(23))));
        assertEquals(new Evaluation(Status.VIOLATED, 3.0), Evaluators.evaluate(fourADay, SOURCE, facts,
                clock.advance(Duration.ofHours(2))));
    }

    @Test
    void hasNoDataBeforeTheFirstBatch() {
        assertEquals(Evaluation.NO_DATA, Evaluators.evaluate(new Objective.Frequency(null, 1), SOURCE,
                new StubFacts(), clock.instant()));
    }
}
