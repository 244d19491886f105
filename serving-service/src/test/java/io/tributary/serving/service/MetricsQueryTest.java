package io.tributary.serving.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.problem.ProblemException;

class MetricsQueryTest {

    private static final List<String> DIMENSIONS = List.of("region", "state", "category");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    @Test
    void defaultsToOneTotalInUtcOverAllDays() {
        assertEquals(new MetricsQuery(List.of(), Grain.TOTAL, null, null, "UTC", null),
                parse(null, null, null, null, null));
        assertEquals(List.of(), parse("", null, null, null, null).groupBy());
    }

    @Test
    void readsDimensionsInTheOrderAskedGrainBoundsAndTimeZone() {
        assertEquals(new MetricsQuery(List.of("state", "region"), Grain.MONTH, LocalDate.of(2018, 1, 1),
                LocalDate.of(2018, 1, 1), "Asia/Kathmandu", null),
                parse("state, region", "2018-01-01", "2018-01-01", "month", "Asia/Kathmandu"));
        assertEquals(Grain.DAY, parse(null, null, null, "day", null).grain());
        assertEquals(Grain.TOTAL, parse(null, null, null, "total", null).grain());
    }

    @Test
    void rejectsDimensionsTheAggregateDoesNotHaveListingThoseItHas() {
        assertEquals(List.of("query parameter 'groupBy': 'city' is not a dimension of this aggregate; available "
                + "dimensions: [region, state, category]"), problems("region,city", null, null, null, null));
        assertEquals(List.of("query parameter 'groupBy': 'Region' is not a dimension of this aggregate; available "
                + "dimensions: [region, state, category]"), problems("Region", null, null, null, null));
    }

    @Test
    void rejectsEmptyAndRepeatedDimensionNames() {
        assertEquals(List.of("query parameter 'groupBy': 'region,,state' has an empty name; available dimensions: "
                + "[region, state, category]"), problems("region,,state", null, null, null, null));
        assertEquals(List.of("query parameter 'groupBy': 'region' is listed more than once"),
                problems("region,state,region", null, null, null, null));
    }

    @Test
    void rejectsDatesInOtherFormsOrThatDoNotExist() {
        for (String text : List.of("2018-1-1", "01/01/2018", "2018-02-29", "20180101", "+12018-01-01", "",
                " 2018-01-01", "0000-01-01")) {
            assertEquals(List.of("query parameter 'from': '" + text + "' is not a date in the form YYYY-MM-DD"),
                    problems(null, text, null, null, null), text);
        }
    }

    @Test
    void acceptsIanaNamesOnly() {
        for (String zone : List.of("UTC", "Asia/Kolkata", "Asia/Kathmandu", "America/New_York", "Etc/GMT+5")) {
            assertEquals(zone, parse(null, null, null, null, zone).timeZone());
        }
        for (String zone : List.of("+05:30", "UTC+5", "Z", "IST", "Mars/Olympus", "", " UTC")) {
            assertEquals(List.of("query parameter 'tz': '" + zone + "' is not an IANA time zone name such as UTC, "
                    + "Europe/Paris or Asia/Kolkata"), problems(null, null, null, null, zone), zone);
        }
    }

    @Test
    void suggestsTheNameAZoneWrittenInAnotherCaseHas() {
        assertEquals(List.of("query parameter 'tz': 'america/new_york' is not an IANA time zone name such as UTC, "
                + "Europe/Paris or Asia/Kolkata; did you mean 'America/New_York'?"),
                problems(null, null, null, null, "america/new_york"));
    }

    @Test
    void namesEveryBadParameter() {
        assertEquals(List.of(
                "query parameter 'groupBy': 'city' is not a dimension of this aggregate; available dimensions: "
                        + "[region, state, category]",
                "query parameter 'grain': 'Day' is not supported; allowed values: [total, day, month]",
                "query parameters 'from' and 'to': from 2018-01-02 is after to 2018-01-01",
                "query parameter 'tz': 'Nowhere' is not an IANA time zone name such as UTC, Europe/Paris or "
                        + "Asia/Kolkata"),
                problems("city", "2018-01-02", "2018-01-01", "Day", "Nowhere"));
    }

    private static MetricsQuery parse(String groupBy, String from, String to, String grain, String tz) {
        return MetricsQuery.parse(new MetricsParameters(groupBy, from, to, grain, tz, null), DIMENSIONS,
                ZONES);
    }

    private static List<String> problems(String groupBy, String from, String to, String grain, String tz) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(groupBy, from, to, grain, tz));
        assertEquals(Response.Status.BAD_REQUEST, e.status());
        return e.problems();
    }
}
