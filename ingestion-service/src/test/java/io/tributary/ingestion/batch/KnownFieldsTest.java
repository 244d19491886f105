package io.tributary.ingestion.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.ingestion.drift.DriftReport;

class KnownFieldsTest {

    private static final KnownFields.Key SHOP = new KnownFields.Key("shop", "sales", 1, null, Map.of(), "UTC");
    private static final List<String> FIELDS = List.of("Row ID", "Region", "Sales");

    @Test
    void givesTheDriftOfFieldsItWasTaught() {
        KnownFields known = new KnownFields();
        DriftReport drift = drift(List.of("Note"), List.of(), List.of());
        known.learn(SHOP, FIELDS, drift);
        assertEquals(Optional.of(drift), known.drift(SHOP, List.of("Row ID", "Region", "Sales")));
    }

    @Test
    void knowsNothingOfOtherFieldsOrAnotherContractVersionOrOtherAliases() {
        KnownFields known = new KnownFields();
        known.learn(SHOP, FIELDS, drift(List.of(), List.of(), List.of()));
        assertTrue(known.drift(SHOP, List.of("Row ID", "Sales", "Region")).isEmpty());
        assertTrue(known.drift(SHOP, List.of("Row ID", "Region")).isEmpty());
        assertTrue(known.drift(new KnownFields.Key("shop", "sales", 2, null, Map.of(), "UTC"), FIELDS).isEmpty());
        assertTrue(known.drift(new KnownFields.Key("shop", "sales", 1, null, Map.of("Revenue", "Sales"), "UTC"),
                FIELDS).isEmpty());
        assertTrue(known.drift(new KnownFields.Key("pos", "sales", 1, null, Map.of(), "UTC"), FIELDS).isEmpty());
    }

    @Test
    void keepsNoDriftThatValuesOrAnotherPushsValuesCouldChange() {
        assertTrue(KnownFields.dependsOnNamesAlone(drift(List.of(), List.of(), List.of())));
        assertTrue(KnownFields.dependsOnNamesAlone(drift(List.of("Note"), List.of(), List.of())));
        assertTrue(KnownFields.dependsOnNamesAlone(drift(List.of(), List.of("Region"), List.of("Ship Mode"))));
        // a field added and one missing: the values of a later push may show a rename
        assertFalse(KnownFields.dependsOnNamesAlone(drift(List.of("Revenue"), List.of(), List.of("Ship Mode"))));
        assertFalse(KnownFields.dependsOnNamesAlone(new DriftReport(List.of(), List.of(), List.of(), List.of(),
                List.of(new DriftReport.Retyped("Sales", "sales", "number", 5, 5, List.of("n/a"))), List.of())));
        assertFalse(KnownFields.dependsOnNamesAlone(new DriftReport(List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(new DriftReport.FormatChanged("Order Date", "order_date", "M/d/yyyy",
                        "yyyy-MM-dd", "2024-01-05")))));
        KnownFields known = new KnownFields();
        known.learn(SHOP, FIELDS, drift(List.of("Revenue"), List.of(), List.of("Ship Mode")));
        assertTrue(known.drift(SHOP, FIELDS).isEmpty());
    }

    private static DriftReport drift(List<String> added, List<String> missingRequired, List<String> missingOptional) {
        return new DriftReport(added, missingRequired, missingOptional, List.of(), List.of(), List.of());
    }
}
