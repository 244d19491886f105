package io.tributary.requirements.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class HistoryQueryTest {

    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void defaultsToTheLastHourInAbout120Steps() {
        HistoryQuery query = HistoryQuery.of(null, null, null, now, Duration.ofSeconds(10));
        assertEquals(new HistoryQuery(now.minus(Duration.ofHours(1)), now, Duration.ofSeconds(30)), query);
    }

    @Test
    void neverStepsFinerThanTheEvaluationInterval() {
        HistoryQuery query = HistoryQuery.of("2026-12-06T09:55:00Z", null, null, now, Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(10), query.step());
    }

    @Test
    void takesAStepInSecondsOrAsADuration() {
        assertEquals(Duration.ofSeconds(5), HistoryQuery.of(null, null, "5", now, Duration.ofSeconds(10)).step());
        assertEquals(Duration.ofMinutes(5), HistoryQuery.of(null, null, "PT5M", now, Duration.ofSeconds(10)).step());
    }

    @Test
    void refusesAnEmptyRangeABadInstantAndTooManyPoints() {
        assertThrows(RuntimeException.class, () -> HistoryQuery.of("2026-12-06T11:00:00Z", null, null, now,
                Duration.ofSeconds(10)));
        assertThrows(RuntimeException.class, () -> HistoryQuery.of("yesterday", null, null, now,
                Duration.ofSeconds(10)));
        assertThrows(RuntimeException.class, () -> HistoryQuery.of("2026-11-06T10:00:00Z", null, "1", now,
                Duration.ofSeconds(10)));
    }
}
