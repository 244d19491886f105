package io.tributary.requirements.slo;

import static io.tributary.requirements.slo.Objectives.PIPELINE;
import static io.tributary.requirements.slo.Objectives.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Objective;

class TimeOfAvailabilityEvaluatorTest {

    private final Objective.TimeOfAvailability bySixNewYork = new Objective.TimeOfAvailability(LocalTime.of(6, 0),
            ZoneId.of("America/New_York"));

    @Test
    void beforeSixInNewYorkTheDayBeforeYesterdayIsEnough() {
        StubFacts facts = new StubFacts();
        facts.eventWatermark = Instant.parse("2026-12-04T23:59:00-05:00");
        assertEquals(new Evaluation(Status.MET, 0.0), Evaluators.evaluate(bySixNewYork, PIPELINE, facts,
                Instant.parse("2026-12-06T05:59:00-05:00")));
    }

    @Test
    void fromSixInNewYorkYesterdayMustBeComplete() {
        StubFacts facts = new StubFacts();
        facts.eventWatermark = Instant.parse("2026-12-04T23:59:00-05:00");
        assertEquals(new Evaluation(Status.VIOLATED, 1.0), Evaluators.evaluate(bySixNewYork, PIPELINE, facts,
                Instant.parse("2026-12-06T06:00:00-05:00")));
        facts.eventWatermark = Instant.parse("2026-12-05T22:10:00-05:00");
        assertEquals(Status.MET, Evaluators.evaluate(bySixNewYork, PIPELINE, facts,
                Instant.parse("2026-12-06T06:00:00-05:00")).state());
    }

    @Test
    void aDateEventTimeKeepsItsCalendarDayInEveryZone() {
        StubFacts facts = new StubFacts();
        facts.eventTimeIsDate = true;
        facts.eventWatermark = Instant.parse("2026-12-05T00:00:00Z");
        assertEquals(Status.MET, Evaluators.evaluate(bySixNewYork, PIPELINE, facts,
                Instant.parse("2026-12-06T07:00:00-05:00")).state());
    }

    @Test
    void aSourcesDumpDeliveredOnADayCarriesTheDayBefore() {
        StubFacts facts = new StubFacts().batch(Instant.parse("2026-12-06T02:30:00-05:00"), 100, 100, 0);
        assertEquals(Status.MET, Evaluators.evaluate(bySixNewYork, SOURCE, facts,
                Instant.parse("2026-12-06T06:30:00-05:00")).state());
        assertEquals(new Evaluation(Status.VIOLATED, 1.0), Evaluators.evaluate(bySixNewYork, SOURCE, facts,
                Instant.parse("2026-12-07T06:30:00-05:00")));
    }

    @Test
    void followsTheZoneAcrossADaylightSavingChange() {
        StubFacts facts = new StubFacts();
        facts.eventWatermark = Instant.parse("2026-03-07T20:00:00-05:00");
        assertEquals(Status.MET, Evaluators.evaluate(bySixNewYork, PIPELINE, facts,
                Instant.parse("2026-03-08T06:00:00-04:00")).state());
    }
}
