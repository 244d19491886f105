package io.tributary.requirements.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.LogicalType;

class SchemaFieldsTest {

    @Test
    void listsEachPropertyWithTheColumnItIsReadFrom() {
        SchemaFields fields = SchemaFields.of(contract("1.0.0",
                property("order_id", "Order ID", LogicalType.STRING, true, true),
                property("sales", null, LogicalType.NUMBER, false, false)));

        assertEquals("[{\"name\":\"order_id\",\"sourceName\":\"Order ID\",\"logicalType\":\"string\","
                + "\"required\":true,\"primaryKey\":true},"
                + "{\"name\":\"sales\",\"sourceName\":\"sales\",\"logicalType\":\"number\","
                + "\"required\":false,\"primaryKey\":false}]", fields.json());
    }

    @Test
    void fingerprintIsTheSha256HexOfTheFieldList() {
        SchemaFields fields = SchemaFields.of(contract("1.0.0", property("a", null, LogicalType.STRING, false, false)));

        assertTrue(fields.fingerprint().matches("[0-9a-f]{64}"));
    }

    @Test
    void sameFieldsGiveTheSameFingerprintWhateverElseChanged() {
        ContractProperty a = property("a", null, LogicalType.STRING, false, false);

        assertEquals(SchemaFields.of(contract("1.0.0", a)).fingerprint(),
                SchemaFields.of(contract("2.0.0", a)).fingerprint());
    }

    @Test
    void anyChangeToAFieldChangesTheFingerprint() {
        String base = SchemaFields.of(contract("1", property("a", null, LogicalType.STRING, false, false))).fingerprint();

        for (ContractProperty changed : List.of(
                property("b", null, LogicalType.STRING, false, false),
                property("a", "A", LogicalType.STRING, false, false),
                property("a", null, LogicalType.INTEGER, false, false),
                property("a", null, LogicalType.STRING, true, false),
                property("a", null, LogicalType.STRING, false, true))) {
            assertNotEquals(base, SchemaFields.of(contract("1", changed)).fingerprint(), changed.toString());
        }
    }

    private static DataContract contract(String version, ContractProperty... properties) {
        return new DataContract("urn:test", version, "active", "test", List.of(properties));
    }

    private static ContractProperty property(String name, String physicalName, LogicalType type, boolean required,
            boolean primaryKey) {
        return new ContractProperty(name, physicalName, type, required, primaryKey, primaryKey ? 1 : -1, Map.of());
    }
}
