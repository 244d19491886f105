package io.tributary.requirements.slo;

import static io.tributary.requirements.slo.Objectives.SOURCE;
import static io.tributary.requirements.slo.Objectives.days;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Objective;

class RetentionEvaluatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
    private final Objective.Retention thirtyDays = new Objective.Retention(days(30));

    @Test
    void keepingEverythingSinceTheFirstDataMeetsItBeforeThirtyDaysHavePassed() {
        StubFacts facts = new StubFacts();
        facts.oldestHeld = clock.instant();
        facts.dataSince = clock.instant();
        assertEquals(new Evaluation(Status.MET, 10.0), Evaluators.evaluate(thirtyDays, SOURCE, facts,
                clock.advance(Duration.ofDays(10))));
    }

    @Test
    void dataOlderThanThirtyDaysMayGoButYoungerMayNot() {
        StubFacts facts = new StubFacts();
        facts.dataSince = clock.instant();
        facts.oldestHeld = clock.instant().plus(Duration.ofDays(20));
        assertEquals(Status.MET, Evaluators.evaluate(thirtyDays, SOURCE, facts,
                clock.advance(Duration.ofDays(50))).state());
        facts.oldestHeld = clock.instant().minus(Duration.ofDays(29));
        assertEquals(new Evaluation(Status.VIOLATED, 29.0), Evaluators.evaluate(thirtyDays, SOURCE, facts,
                clock.instant()));
    }

    @Test
    void nothingHeldIsNoData() {
        assertEquals(Evaluation.NO_DATA, Evaluators.evaluate(thirtyDays, SOURCE, new StubFacts(), clock.instant()));
    }
}
