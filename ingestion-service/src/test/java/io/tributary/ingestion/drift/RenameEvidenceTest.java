package io.tributary.ingestion.drift;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.LogicalType;

class RenameEvidenceTest {

    private static final List<String> BEFORE = List.of("Row ID", "Order ID", "Order Date", "Region", "Sales");
    private static final List<String> NOW = List.of("Row ID", "Order ID", "Order Date", "Region", "Revenue");
    private static final RenameEvidence.Layout SEEN = new RenameEvidence.Layout("the header of schema version 1",
            BEFORE, true);
    private static final RenameEvidence.Layout CONTRACT = new RenameEvidence.Layout("the contract's order of columns",
            List.of("Row ID", "Order ID", "Order Date", "Ship Date", "Region", "Sales", "Profit"), false);
    private static final FieldProfile PAST_SALES = FieldProfile.of(List.of("10", "20", "30", "40", "50", "60"));
    private static final List<String> SALES_NOW = List.of("15", "25", "35", "45", "55", "65");

    @Test
    void suggestsColumnRenamedInPlaceFromItsPlaceAndValues() {
        DriftReport.Renamed renamed = score(pair("Sales", LogicalType.NUMBER, PAST_SALES, "Revenue", SALES_NOW),
                NOW, SEEN, CONTRACT).orElseThrow();
        assertEquals("Sales", renamed.expected());
        assertEquals("Revenue", renamed.found());
        assertEquals(0.8, renamed.score(), 1e-9);
        assertEquals(List.of(
                "it stands where 'Sales' stood in the header of schema version 1 (last, after 'Region')",
                "all 6 sampled values read as number, the type of 'Sales'",
                "its values lie within the range of past 'Sales' values (10 to 60)",
                "its values have the formats of past 'Sales' values (9)",
                "about as many distinct values as past 'Sales' values (6 of 6 sampled, before 6 of 6)"),
                renamed.evidence());
    }

    @Test
    void suggestsColumnRenamedInPlaceInTheFirstInputFromTheContractsOrder() {
        DriftReport.Renamed renamed = score(pair("Sales", LogicalType.NUMBER, null, "Revenue", SALES_NOW), NOW,
                CONTRACT).orElseThrow();
        assertEquals(0.4, renamed.score(), 1e-9);
        assertThat(renamed.evidence(), hasItem(startsWith("it stands where 'Sales' stood in the contract's order")));
    }

    @Test
    void suggestsSimilarNameWhereverItStands() {
        List<String> header = List.of("Region", "order date", "Row ID");
        DriftReport.Renamed renamed = score(pair("Order Date", LogicalType.DATE, null, "order date",
                List.of("1/5/2024")), header).orElseThrow();
        assertEquals(List.of("its name is like 'Order Date'", "its one sampled value reads as date, the type of "
                + "'Order Date'"), renamed.evidence());
    }

    @Test
    void rulesOutFieldWhoseValuesAreNotOfTheColumnsType() {
        assertTrue(score(new RenameEvidence.Pair("Sales", LogicalType.NUMBER, PAST_SALES, "Revenue",
                List.of("a", "b", "c", "d", "e", "f"), 0), NOW, SEEN).isEmpty());
    }

    @Test
    void suggestsNothingOnValuesAloneWithoutNameOrPlace() {
        List<String> header = List.of("Revenue", "Row ID", "Order ID", "Order Date", "Region");
        assertTrue(score(pair("Sales", LogicalType.NUMBER, PAST_SALES, "Revenue", SALES_NOW), header, SEEN)
                .isEmpty());
    }

    @Test
    void countsValuesPlainlyUnlikeThePastAgainstTheField() {
        List<String> quantities = List.of("1", "1", "1", "1", "1", "1");
        FieldProfile pastDates = FieldProfile.of(List.of("100000", "200000", "300000", "400000", "500000", "600000"));
        Optional<DriftReport.Renamed> renamed = score(pair("Sales", LogicalType.NUMBER, pastDates, "Revenue",
                quantities), NOW, SEEN);
        assertTrue(renamed.isPresent(), "the place still speaks for it");
        assertEquals(0.5, renamed.get().score(), 1e-9, "40 for the place, 15 for the type, -10 for the range, 10 for "
                + "the formats, -5 for the distinct values");
        assertThat(renamed.get().evidence(), hasItem(startsWith("its values lie outside the range")));
        assertThat(renamed.get().evidence(), hasItem(startsWith("far fewer distinct values")));
    }

    @Test
    void givesEachColumnAndEachFieldToOneSuggestionTheBestFirst() {
        List<DriftReport.Renamed> scored = List.of(
                new DriftReport.Renamed("Sales", "Revenue", 0.55, List.of()),
                new DriftReport.Renamed("Sales", "Turnover", 0.8, List.of()),
                new DriftReport.Renamed("Profit", "Turnover", 0.6, List.of()),
                new DriftReport.Renamed("Profit", "Revenue", 0.45, List.of()));
        assertEquals(List.of(scored.get(1), scored.get(3)), RenameEvidence.assign(scored));
    }

    private static RenameEvidence.Pair pair(String expected, LogicalType type, FieldProfile past, String found,
            List<String> values) {
        return new RenameEvidence.Pair(expected, type, past, found, values, values.size());
    }

    private static Optional<DriftReport.Renamed> score(RenameEvidence.Pair pair, List<String> header,
            RenameEvidence.Layout... layouts) {
        return RenameEvidence.score(pair, header, List.of(layouts));
    }
}
