package io.tributary.catalog.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PersonalColumnsTest {

    private static final Set<String> FIELDS = Set.of("email", "region", "amount", "customer.name", "customer_id");

    @Test
    void aColumnComputedFromAPersonalFieldIsPersonal() {
        PersonalColumns columns = PersonalColumns.of(Map.of(
                "contact", List.of("email"),
                "domain", List.of("email", "region"),
                "name", List.of("customer.name"),
                "region", List.of("region"),
                "amount", List.of("amount")), Set.of("email", "customer.name"), FIELDS, reference -> null);
        assertEquals(Set.of("contact", "domain", "name"), columns.names());
        assertFalse(columns.contains("region"));
    }

    @Test
    void aColumnLookedUpFromAPersonalColumnOfAReferenceIsPersonal() {
        PersonalColumns customers = new PersonalColumns(false, Set.of("full_name"));
        PersonalColumns columns = PersonalColumns.of(Map.of(
                "buyer", List.of("customers.full_name"),
                "segment", List.of("customers.segment"),
                "customer_id", List.of("customer_id")), Set.of(), FIELDS,
                reference -> reference.equals("customers") ? customers : null);
        assertEquals(Set.of("buyer"), columns.names());
    }

    @Test
    void aVersionWithoutLineageIsMaskedWholeWhenItsContractHoldsPersonalData() {
        assertTrue(PersonalColumns.of(null, Set.of("email"), FIELDS, r -> null).contains("anything"));
        assertTrue(PersonalColumns.of(null, Set.of(), FIELDS, r -> null).isEmpty());
    }

    @Test
    void masksTheValuesOfItsColumnsOnly() {
        PersonalColumns columns = new PersonalColumns(false, Set.of("contact"));
        assertEquals("***", columns.mask("contact", "ann@example.com"));
        assertEquals("West", columns.mask("region", "West"));
        assertNull(columns.mask("contact", (String) null));
        assertEquals("***", columns.mask("contact", (Object) 42));
    }
}
