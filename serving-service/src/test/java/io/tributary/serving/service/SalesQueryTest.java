package io.tributary.serving.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SalesQueryTest {

    @Test
    void defaultsToTotalsOverAllDays() {
        assertEquals(new SalesQuery(GroupBy.REGION, Grain.TOTAL, null, null),
                SalesQuery.parse("region", null, null, null));
    }

    @Test
    void readsGrainAndInclusiveBounds() {
        assertEquals(new SalesQuery(GroupBy.REGION, Grain.DAY, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 1)),
                SalesQuery.parse("region", "2018-01-01", "2018-01-01", "day"));
        assertEquals(Grain.TOTAL, SalesQuery.parse("region", null, null, "total").grain());
    }

    @Test
    void rejectsDatesInOtherFormsOrThatDoNotExist() {
        for (String text : List.of("2018-1-1", "01/01/2018", "2018-02-29", "20180101", "+12018-01-01", "", " 2018-01-01")) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class,
                    () -> SalesQuery.parse("region", text, null, null), text);
            assertEquals(List.of("query parameter 'from': '" + text + "' is not a date in the form YYYY-MM-DD"),
                    e.details());
        }
    }

    @Test
    void namesEveryBadParameter() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> SalesQuery.parse(null, "2018-01-02", "2018-01-01", "Day"));

        assertEquals(List.of(
                "query parameter 'groupBy': is required; allowed values: [region]",
                "query parameter 'grain': 'Day' is not supported; allowed values: [total, day]",
                "query parameters 'from' and 'to': from 2018-01-02 is after to 2018-01-01"), e.details());
    }
}
