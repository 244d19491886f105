package io.tributary.serving.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.problem.ProblemException;

class StalenessTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:30:00Z");

    @Test
    void readsAnIsoDurationAndNothingWhenAbsent() {
        List<String> problems = new ArrayList<>();
        assertEquals(Duration.ofSeconds(30), Staleness.parse("PT30S", problems));
        assertEquals(Duration.ofMinutes(5), Staleness.parse("PT5M", problems));
        assertNull(Staleness.parse(null, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void namesTheParameterWhenTheDurationIsMalformedOrNotPositive() {
        for (String value : List.of("30s", "PT", "P1X", "", "PT0S", "-PT5S")) {
            List<String> problems = new ArrayList<>();
            assertNull(Staleness.parse(value, problems), value);
            assertEquals(List.of("query parameter 'maxStaleness': '" + value
                    + "' is not a positive ISO-8601 duration such as PT30S or PT5M"), problems);
        }
    }

    @Test
    void letsDataWithinTheBoundThrough() {
        assertDoesNotThrow(() -> Staleness.require("sales", Duration.ofSeconds(30), NOW.minusSeconds(30), NOW));
        assertDoesNotThrow(() -> Staleness.require("sales", Duration.ofSeconds(30), NOW.plusSeconds(2), NOW));
        assertDoesNotThrow(() -> Staleness.require("sales", null, null, NOW));
    }

    @Test
    void refusesOlderDataWith503RetryAfterAndHowCurrentItIs() {
        Instant currentAsOf = NOW.minusMillis(30_001);
        ProblemException e = assertThrows(ProblemException.class,
                () -> Staleness.require("sales", Duration.ofSeconds(30), currentAsOf, NOW));
        assertEquals(Response.Status.SERVICE_UNAVAILABLE, e.status());
        assertEquals(Map.of(HttpHeaders.RETRY_AFTER, 30L), e.headers());
        assertTrue(e.detail().contains("current as of 2026-12-06T09:29:29.999Z"), e.detail());
        assertEquals(List.of("query parameter 'maxStaleness': the data is PT30.001S old (current as of "
                + "2026-12-06T09:29:29.999Z), more than PT30S"), e.problems());
    }

    @Test
    void refusesAPipelineThatNeverWroteDataWhenABoundIsSet() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Staleness.require("sales", Duration.ofSeconds(30), null, NOW));
        assertEquals(Response.Status.SERVICE_UNAVAILABLE, e.status());
        assertTrue(e.headers().containsKey(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void retriesAfterTheBoundInWholeSecondsBetweenOneSecondAndAMinute() {
        assertEquals(30, Staleness.retryAfterSeconds(Duration.ofSeconds(30)));
        assertEquals(1, Staleness.retryAfterSeconds(Duration.ofMillis(200)));
        assertEquals(3, Staleness.retryAfterSeconds(Duration.ofMillis(2500)));
        assertEquals(60, Staleness.retryAfterSeconds(Duration.ofHours(2)));
    }
}
