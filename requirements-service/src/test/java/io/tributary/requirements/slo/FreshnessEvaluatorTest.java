package io.tributary.requirements.slo;

import static io.tributary.requirements.slo.Objectives.PIPELINE;
import static io.tributary.requirements.slo.Objectives.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Basis;
import io.tributary.requirements.objective.Objective;

class FreshnessEvaluatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final Objective.Freshness byArrival = new Objective.Freshness(seconds(20), Basis.ARRIVAL);

    @Test
    void isMetWhileTheNewestDataIsYoungerThanTheMaximum() {
        StubFacts facts = new StubFacts();
        facts.newestArrival = clock.instant();
        assertEquals(new Evaluation(Status.MET, 5.0), evaluate(byArrival, facts, clock.advance(Duration.ofSeconds(5))));
        assertEquals(new Evaluation(Status.MET, 20.0), evaluate(byArrival, facts,
                clock.advance(Duration.ofSeconds(15))));
    }

    @Test
    void isViolatedOnceNothingNewArrivedForLongerThanTheMaximum() {
        StubFacts facts = new StubFacts();
        facts.newestArrival = clock.instant();
        assertEquals(new Evaluation(Status.VIOLATED, 20.5), evaluate(byArrival, facts,
                clock.advance(Duration.ofMillis(20_500))));
    }

    @Test
    void measuresByEventTimeWhenAskedTo() {
        StubFacts facts = new StubFacts();
        facts.newestArrival = clock.instant();
        facts.eventWatermark = clock.instant().minusSeconds(60);
        assertEquals(Status.VIOLATED, evaluate(new Objective.Freshness(seconds(20), Basis.EVENT_TIME), facts,
                clock.instant()).state());
    }

    @Test
    void hasNoDataBeforeAnythingArrived() {
        assertEquals(Evaluation.NO_DATA, evaluate(byArrival, new StubFacts(), clock.instant()));
    }

    private static Evaluation evaluate(Objective objective, Facts facts, Instant now) {
        return Evaluators.evaluate(objective, PIPELINE, facts, now);
    }
}
