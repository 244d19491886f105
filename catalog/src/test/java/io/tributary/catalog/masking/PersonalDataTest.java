package io.tributary.catalog.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.security.Roles;

class PersonalDataTest {

    private static final String CONTRACT = """
            apiVersion: v3.0.2
            kind: DataContract
            id: customers
            version: 1.0.0
            status: active
            schema:
              - name: customers
                properties:
                  - {name: customer_id, logicalType: string, primaryKey: true, classification: internal}
                  - {name: email, physicalName: mail, logicalType: string, classification: Personal}
                  - {name: segment, logicalType: string}
                  - {name: income, logicalType: number, classification: restricted}
                  - name: address
                    logicalType: object
                    classification: personal
                    properties:
                      - {name: street, logicalType: string}
                      - {name: city, logicalType: string, classification: public}
            """;

    private static DataContract contract() {
        return ContractReader.read(ContractReader.parse(CONTRACT, ContractReader.Syntax.YAML), "customers");
    }

    @Test
    void readsEachPropertysClassificationAndGivesNestedOnesTheirObjects() {
        DataContract contract = contract();
        assertEquals("Personal", property(contract, "email").classification());
        assertNull(property(contract, "segment").classification());
        assertEquals("personal", property(contract, "address.street").classification());
        assertEquals("public", property(contract, "address.city").classification());
    }

    @Test
    void personalAndRestrictedPropertiesHoldPersonalData() {
        assertEquals(Set.of("email", "income", "address.street"), PersonalData.properties(contract()));
        assertTrue(PersonalData.isPersonal(" RESTRICTED "));
        assertFalse(PersonalData.isPersonal("internal"));
        assertFalse(PersonalData.isPersonal(null));
    }

    @Test
    void findsPersonalValuesByNameSourceNameAndTheirLastParts() {
        assertEquals(Set.of("email", "mail", "income", "address.street", "street"),
                PersonalData.fieldNames(contract()));
    }

    @Test
    void adminsStewardsAndEngineersSeePersonalValuesOthersDoNot() {
        for (String role : List.of(Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER)) {
            assertTrue(PersonalData.seenBy(List.of(role)), role);
        }
        for (String role : List.of(Roles.ANALYST, Roles.STAKEHOLDER, Roles.PRODUCER)) {
            assertFalse(PersonalData.seenBy(List.of(role)), role);
        }
        assertTrue(PersonalData.seenBy(List.of(Roles.ANALYST, Roles.ENGINEER)));
        assertFalse(PersonalData.seenBy(List.of()));
    }

    private static ContractProperty property(DataContract contract, String name) {
        return contract.properties().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
