package io.tributary.requirements.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.requirements.input.InputProblems;

class ObjectiveCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEveryKindAndWritesItBackEqual() throws Exception {
        for (String objective : List.of(
                "{\"kind\":\"freshness\",\"maximum\":60,\"unit\":\"s\",\"basis\":\"ARRIVAL\"}",
                "{\"kind\":\"latency\",\"maximum\":2,\"unit\":\"s\",\"percentile\":99,\"basis\":\"EVENT_TIME\","
                        + "\"over\":\"PT5M\"}",
                "{\"kind\":\"frequency\",\"every\":1,\"unit\":\"d\"}",
                "{\"kind\":\"frequency\",\"perDay\":24}",
                "{\"kind\":\"timeOfAvailability\",\"by\":\"06:00\",\"timeZone\":\"America/New_York\"}",
                "{\"kind\":\"errorRate\",\"maximum\":0.05,\"over\":\"PT1H\"}",
                "{\"kind\":\"volume\",\"period\":\"P1D\",\"minimum\":100,\"maximum\":100000}",
                "{\"kind\":\"volume\",\"period\":\"P1D\",\"withinShareOfMedian\":0.5,\"trailingPeriods\":7}",
                "{\"kind\":\"availability\",\"within\":500,\"unit\":\"ms\"}",
                "{\"kind\":\"retention\",\"minimum\":30,\"unit\":\"d\"}",
                "{\"kind\":\"definition\",\"timeZone\":\"America/New_York\",\"dayStart\":\"00:00\",\"currency\":"
                        + "\"USD\",\"meanings\":{\"sales\":\"gross amount before discount\"},\"implementedBy\":"
                        + "[{\"type\":\"PIPELINE\",\"name\":\"sales\",\"parameter\":\"eventTime\"}]}")) {
            JsonNode node = JSON.readTree(objective);
            InputProblems problems = new InputProblems();
            Objective read = ObjectiveCodec.read(node, "$.objective", problems);
            assertEquals(List.of(), problems.list(), objective);
            assertEquals(read, ObjectiveCodec.read(ObjectiveCodec.write(read), "$.objective", problems), objective);
            assertEquals(node.toString(), ObjectiveCodec.write(read).toString(), objective);
        }
    }

    @Test
    void readsAFreshnessObjectiveTyped() throws Exception {
        Objective objective = read("{\"kind\":\"freshness\",\"maximum\":60,\"unit\":\"seconds\"}");
        Objective.Freshness freshness = assertInstanceOf(Objective.Freshness.class, objective);
        assertEquals(Duration.ofSeconds(60), freshness.maximum().toDuration());
        assertEquals(Basis.ARRIVAL, freshness.basis());
    }

    @Test
    void listsEveryProblemOfAnObjectiveWithItsPath() throws Exception {
        InputProblems problems = new InputProblems();
        assertNull(ObjectiveCodec.read(JSON.readTree("{\"kind\":\"latency\",\"maximum\":-2,\"unit\":\"parsecs\","
                + "\"percentile\":100,\"over\":\"5 minutes\",\"colour\":\"red\"}"), "$.objective", problems));
        List<String> found = problems.list();
        assertTrue(found.stream().anyMatch(p -> p.startsWith("$.objective.colour: is not a known field")), found::toString);
        assertTrue(found.contains("$.objective.unit: 'parsecs' is not a unit of time; use one of [ms, s, min, h, d]"),
                found::toString);
        assertTrue(found.contains("$.objective.maximum: must be above 0, found -2"), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("$.objective.percentile: must be above 0 and below 100")),
                found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("$.objective.over: '5 minutes' is not an ISO 8601")),
                found::toString);
        assertEquals(5, found.size(), found::toString);
    }

    @Test
    void refusesAnUnknownZoneAndABadTime() throws Exception {
        InputProblems problems = new InputProblems();
        ObjectiveCodec.read(JSON.readTree("{\"kind\":\"timeOfAvailability\",\"by\":\"6am\",\"timeZone\":"
                + "\"America/Gotham\"}"), "$.objective", problems);
        assertEquals(List.of("$.objective.by: '6am' is not a time of day as HH:MM",
                "$.objective.timeZone: 'America/Gotham' is not a time zone; use an IANA name such as America/New_York"),
                problems.list());
    }

    @Test
    void refusesAnUnknownKindNamingTheKnownOnes() throws Exception {
        InputProblems problems = new InputProblems();
        ObjectiveCodec.read(JSON.readTree("{\"kind\":\"speed\"}"), "$.objective", problems);
        assertEquals(List.of("$.objective.kind: 'speed' is not one of " + ObjectiveKind.names()), problems.list());
    }

    @Test
    void readsTheSloAndDefaultsIt() throws Exception {
        InputProblems problems = new InputProblems();
        assertEquals(Slo.DEFAULT, ObjectiveCodec.readSlo(null, "$.slo", problems));
        Slo slo = ObjectiveCodec.readSlo(JSON.readTree("{\"target\":0.999,\"window\":{\"type\":\"CALENDAR\","
                + "\"period\":\"MONTH\",\"timeZone\":\"America/New_York\"},\"slice\":\"PT30S\"}"), "$.slo", problems);
        assertEquals(List.of(), problems.list());
        assertEquals(new Slo(new BigDecimal("0.999"), SloWindow.calendar(SloWindow.CalendarPeriod.MONTH,
                ZoneId.of("America/New_York")), Duration.ofSeconds(30)), slo);
    }

    @Test
    void refusesATargetGivenInPercentAndASliceLongerThanTheWindow() throws Exception {
        InputProblems problems = new InputProblems();
        assertNull(ObjectiveCodec.readSlo(JSON.readTree("{\"target\":99,\"window\":{\"type\":\"ROLLING\",\"length\":"
                + "\"PT1H\"},\"slice\":\"P1D\"}"), "$.slo", problems));
        assertEquals(List.of("$.slo.target: must be a share between 0 and 1, both excluded (0.99 for 99%), found 99",
                "$.slo.slice: must not be longer than the window (PT1H), found PT24H"), problems.list());
    }

    @Test
    void refusesWindowsOfTooManySlices() throws Exception {
        InputProblems problems = new InputProblems();
        ObjectiveCodec.readSlo(JSON.readTree("{\"target\":0.99,\"window\":{\"type\":\"ROLLING\",\"length\":\"P30D\"},"
                + "\"slice\":\"PT1S\"}"), "$.slo", problems);
        assertTrue(problems.list().get(0).startsWith("$.slo.slice: the window would hold more than 200000 slices"),
                problems.list()::toString);
    }

    @Test
    void keepsTheTimeOfAvailabilityAsGiven() throws Exception {
        Objective.TimeOfAvailability objective = (Objective.TimeOfAvailability) read(
                "{\"kind\":\"timeOfAvailability\",\"by\":\"06:00\",\"timeZone\":\"America/New_York\"}");
        assertEquals(LocalTime.of(6, 0), objective.by());
    }

    private static Objective read(String json) throws Exception {
        InputProblems problems = new InputProblems();
        Objective objective = ObjectiveCodec.read(JSON.readTree(json), "$.objective", problems);
        assertEquals(List.of(), problems.list());
        return objective;
    }
}
