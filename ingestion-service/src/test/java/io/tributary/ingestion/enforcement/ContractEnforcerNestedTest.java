package io.tributary.ingestion.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.ingestion.parsing.JsonShape;
import io.tributary.ingestion.parsing.NdjsonRecordReader;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.SourceRecord;

/** Orders with a customer object and an array of items, read in their contract's shape and checked against it. */
class ContractEnforcerNestedTest {

    private static final String HEAD = """
            apiVersion: v3.1.0
            kind: DataContract
            id: urn:test:orders
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
            """;

    static final String ORDERS = """
            - {name: order_id, physicalName: orderId, logicalType: string, primaryKey: true}
            - name: customer
              logicalType: object
              required: true
              properties:
                - {name: id, logicalType: string, required: true}
                - {name: segment, logicalType: string}
            - name: ship_to
              physicalName: shipTo
              logicalType: object
              properties:
                - {name: region, logicalType: string, required: true}
            - {name: attributes, logicalType: object}
            - name: items
              logicalType: array
              logicalTypeOptions: {maxItems: 3}
              items:
                logicalType: object
                properties:
                  - {name: sku, logicalType: string, required: true}
                  - {name: sales, logicalType: number, logicalTypeOptions: {minimum: 0}}
            """;

    private static DataContract contract(String properties) {
        return ContractReader.read(ContractReader.parse(HEAD + properties.indent(6), ContractReader.Syntax.YAML),
                "orders");
    }

    private static List<CheckedRecord> check(String properties, String ndjson) {
        DataContract contract = contract(properties);
        ContractEnforcer enforcer = new ContractEnforcer(contract, ZoneOffset.UTC);
        List<CheckedRecord> checked = new ArrayList<>();
        try (RecordReader reader = new NdjsonRecordReader(new StringReader(ndjson), JsonShape.of(contract))) {
            for (SourceRecord r = reader.next(); r != null; r = reader.next()) {
                checked.add(enforcer.check(r));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return checked;
    }

    private static CheckedRecord one(String ndjson) {
        List<CheckedRecord> checked = check(ORDERS, ndjson);
        assertEquals(1, checked.size(), checked.toString());
        return checked.get(0);
    }

    private static Violation violation(String ndjson) {
        CheckedRecord record = one(ndjson);
        assertTrue(!record.isAccepted(), () -> "accepted: " + record.data());
        return record.violation();
    }

    @Test
    void acceptsEachItemOfAnOrderWithItsFieldsNamedByPathAndKeyedByItsPosition() {
        List<CheckedRecord> checked = check(ORDERS, """
                {"orderId":"O1","customer":{"id":"C7","segment":"Consumer"},"shipTo":{"region":"West"},\
                "items":[{"sku":"A","sales":10.50},{"sku":"B","sales":2}]}
                """);
        assertEquals(2, checked.size());
        CheckedRecord first = checked.get(0);
        assertTrue(first.isAccepted(), () -> first.violation().toString());
        assertEquals("O1", first.data().get("order_id"));
        assertEquals("C7", first.data().get("customer.id"));
        assertEquals("West", first.data().get("ship_to.region"));
        assertEquals("A", first.data().get("items.sku"));
        assertEquals(new BigDecimal("10.50"), first.data().get("items.sales"));
        assertEquals(List.of("O1|1", "O1|2"), checked.stream().map(CheckedRecord::businessKey).toList());
        assertEquals(new BigDecimal("2"), checked.get(1).data().get("items.sales"));
    }

    @Test
    void keysAnItemByTheKeyItsItemsDeclare() {
        List<CheckedRecord> checked = check("""
                - {name: order_id, logicalType: string, primaryKey: true}
                - name: items
                  logicalType: array
                  items:
                    properties:
                      - {name: sku, logicalType: string, primaryKey: true}
                """, """
                {"order_id":"O1","items":[{"sku":"B"},{"sku":"A"}]}
                """);
        assertEquals(List.of("O1|B", "O1|A"), checked.stream().map(CheckedRecord::businessKey).toList());
    }

    @Test
    void quarantinesAnItemMissingARequiredFieldNamingItsPath() {
        List<CheckedRecord> checked = check(ORDERS, """
                {"orderId":"O1","customer":{"id":"C7"},"items":[{"sku":"A"},{"sales":3}]}
                """);
        assertTrue(checked.get(0).isAccepted());
        Violation v = checked.get(1).violation();
        assertEquals("items.sku", v.field());
        assertEquals("required", v.rule());
    }

    @Test
    void aRequiredPropertyOfAnAbsentOptionalObjectIsNotMissing() {
        CheckedRecord record = one("""
                {"orderId":"O1","customer":{"id":"C7"},"items":[{"sku":"A"}]}
                """);
        assertTrue(record.isAccepted(), () -> record.violation().toString());
        assertNull(record.data().get("ship_to.region"));
        Violation v = violation("""
                {"orderId":"O1","customer":{"id":"C7"},"shipTo":{},"items":[{"sku":"A"}]}
                """);
        assertEquals("ship_to.region", v.field());
        assertEquals("required", v.rule());
    }

    @Test
    void quarantinesAnOrderWithoutItsRequiredObject() {
        Violation absent = violation("""
                {"orderId":"O1","items":[{"sku":"A"}]}
                """);
        assertEquals("customer", absent.field());
        assertEquals("required", absent.rule());
        assertEquals("'customer' is required and is absent", absent.reason());
        assertEquals("'customer' is required and is null", violation("""
                {"orderId":"O1","customer":null,"items":[{"sku":"A"}]}
                """).reason());
    }

    @Test
    void quarantinesAValueWhereAnObjectIsDeclared() {
        Violation v = violation("""
                {"orderId":"O1","customer":"C7","items":[{"sku":"A"}]}
                """);
        assertEquals("customer", v.field());
        assertEquals("logicalType", v.rule());
        assertEquals("'customer' must be an object, found C7", v.reason());
    }

    @Test
    void quarantinesAnObjectOrValuesWhereTheArrayOfObjectsIsDeclared() {
        Violation object = violation("""
                {"orderId":"O1","customer":{"id":"C7"},"items":{"sku":"A"}}
                """);
        assertEquals("items", object.field());
        assertEquals("'items' must be an array of objects, found an object", object.reason());
        Violation values = violation("""
                {"orderId":"O1","customer":{"id":"C7"},"items":[{"sku":"A"},"B"]}
                """);
        assertEquals("logicalType", values.rule());
        assertEquals("'items' must be an array of objects, found [{\"sku\":\"A\"},\"B\"]", values.reason());
    }

    @Test
    void anOrderWithoutItemsIsOneRecordKeyedByTheOrderAlone() {
        for (String items : List.of("", ",\"items\":[]", ",\"items\":null")) {
            CheckedRecord record = one("{\"orderId\":\"O1\",\"customer\":{\"id\":\"C7\"}" + items + "}\n");
            assertTrue(record.isAccepted(), () -> items + ": " + record.violation());
            assertEquals("O1", record.businessKey());
            assertNull(record.data().get("items.sku"));
        }
    }

    @Test
    void quarantinesEveryItemOfAnArrayOverItsMaximum() {
        List<CheckedRecord> checked = check(ORDERS, """
                {"orderId":"O1","customer":{"id":"C7"},"items":[{"sku":"A"},{"sku":"B"},{"sku":"C"},{"sku":"D"}]}
                """);
        assertEquals(4, checked.size());
        for (CheckedRecord record : checked) {
            assertEquals("maxItems", record.violation().rule());
            assertEquals("'items' has 4 items, more than maxItems 3", record.violation().reason());
        }
    }

    @Test
    void quarantinesAnArrayWithFewerItemsThanItsMinimumOrAbsentWhenRequired() {
        String required = """
                - {name: order_id, logicalType: string, primaryKey: true}
                - name: items
                  logicalType: array
                  required: true
                  logicalTypeOptions: {minItems: 1}
                  items:
                    properties:
                      - {name: sku, logicalType: string}
                """;
        assertEquals("'items' has 0 items, fewer than minItems 1",
                check(required, "{\"order_id\":\"O1\",\"items\":[]}\n").get(0).violation().reason());
        assertEquals("'items' is required and is absent",
                check(required, "{\"order_id\":\"O1\"}\n").get(0).violation().reason());
    }

    @Test
    void keepsAnObjectDeclaredWithoutPropertiesWholeAsItsJsonText() {
        CheckedRecord record = one("""
                {"orderId":"O1","customer":{"id":"C7"},"attributes":{"gift": true, "note": "ring twice"},\
                "items":[{"sku":"A"}]}
                """);
        assertEquals("{\"gift\":true,\"note\":\"ring twice\"}", record.data().get("attributes"));
    }

    @Test
    void checksTheValuesOfItemsAsAnyOthers() {
        Violation v = violation("""
                {"orderId":"O1","customer":{"id":"C7"},"items":[{"sku":"A","sales":-1}]}
                """);
        assertEquals("items.sales", v.field());
        assertEquals("minimum", v.rule());
    }
}
