package io.tributary.catalog.contract;

import static io.tributary.catalog.contract.ContractReaderLimitsTest.problems;
import static io.tributary.catalog.contract.ContractReaderLimitsTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Objects with properties and arrays of objects, as {@link ContractReader#read} names, checks and keeps them. */
class ContractReaderNestedTest {

    static final String ORDER = """
            - {name: order_id, physicalName: orderId, logicalType: string, primaryKey: true, primaryKeyPosition: 1}
            - name: customer
              logicalType: object
              required: true
              properties:
                - {name: id, logicalType: string, required: true}
                - name: address
                  physicalName: addr
                  logicalType: object
                  properties:
                    - {name: city, logicalType: string}
            - name: items
              logicalType: array
              logicalTypeOptions: {minItems: 1, maxItems: 50}
              items:
                logicalType: object
                properties:
                  - {name: sku, logicalType: string, required: true}
                  - {name: sales, logicalType: number}
                  - name: product
                    logicalType: object
                    properties:
                      - {name: category, physicalName: cat, logicalType: string}
            - {name: total, logicalType: number}
            """;

    private static Map<String, ContractProperty> byName(DataContract contract) {
        return contract.properties().stream()
                .collect(Collectors.toMap(ContractProperty::name, Function.identity()));
    }

    @Test
    void namesNestedPropertiesByTheirPathInTheOrderDeclared() {
        DataContract contract = read(ORDER);
        assertEquals(List.of("order_id", "customer.id", "customer.address.city", "items.sku", "items.sales",
                "items.product.category", "total"),
                contract.properties().stream().map(ContractProperty::name).toList());
        assertEquals(List.of("orderId", "customer.id", "customer.addr.city", "items.sku", "items.sales",
                "items.product.cat", "total"),
                contract.properties().stream().map(ContractProperty::sourceName).toList());
        assertEquals(LogicalType.NUMBER, byName(contract).get("items.sales").logicalType());
    }

    @Test
    void keepsTheObjectsAndTheExplodedArrayWithTheirLimits() {
        DataContract contract = read(ORDER);
        assertEquals(List.of("customer", "customer.address", "items", "items.product"),
                contract.containers().stream().map(ContainerProperty::name).toList());
        assertEquals("customer.addr", contract.container("customer.address").orElseThrow().sourceName());
        assertTrue(contract.container("customer").orElseThrow().required());
        ContainerProperty items = contract.explodedArray().orElseThrow();
        assertEquals("items", items.name());
        assertEquals(1L, items.minItems());
        assertEquals(50L, items.maxItems());
        Map<String, ContractProperty> properties = byName(contract);
        assertTrue(contract.inItems(properties.get("items.product.category").parent()));
        assertTrue(contract.inItems(properties.get("items.sku").parent()));
        assertFalse(contract.inItems(properties.get("customer.address.city").parent()));
        assertFalse(contract.inItems(properties.get("total").parent()));
    }

    @Test
    void keysAnItemByItsPositionUnlessItsItemsDeclareAKey() {
        DataContract byPosition = read(ORDER);
        assertEquals(List.of("order_id"), byPosition.primaryKey().stream().map(ContractProperty::name).toList());
        assertEquals(List.of(), byPosition.itemKey());
        assertTrue(byPosition.keyedByItemPosition());

        DataContract byLine = read("""
                - {name: order_id, logicalType: string, primaryKey: true}
                - name: items
                  logicalType: array
                  items:
                    properties:
                      - {name: sku, logicalType: string, primaryKey: true, primaryKeyPosition: 2}
                      - {name: line, logicalType: integer, primaryKey: true, primaryKeyPosition: 1}
                """);
        assertEquals(List.of("order_id"), byLine.primaryKey().stream().map(ContractProperty::name).toList());
        assertEquals(List.of("items.line", "items.sku"),
                byLine.itemKey().stream().map(ContractProperty::name).toList());
        assertFalse(byLine.keyedByItemPosition());
    }

    @Test
    void makesTheNamesAnObjectListsAsRequiredRequired() {
        Map<String, ContractProperty> properties = byName(read("""
                - name: customer
                  logicalType: object
                  logicalTypeOptions: {required: [id]}
                  properties:
                    - {name: id, logicalType: string}
                    - {name: name, logicalType: string}
                """));
        assertTrue(properties.get("customer.id").required());
        assertFalse(properties.get("customer.name").required());
    }

    @Test
    void keepsAnObjectWithoutPropertiesAndAnArrayOfValuesWholeAsOneProperty() {
        DataContract contract = read("""
                - {name: id, logicalType: string}
                - {name: attributes, logicalType: object}
                - name: tags
                  logicalType: array
                  items: {logicalType: string}
                """);
        assertEquals(List.of("id", "attributes", "tags"),
                contract.properties().stream().map(ContractProperty::name).toList());
        assertEquals(List.of(), contract.containers());
        assertTrue(contract.explodedArray().isEmpty());
    }

    @Test
    void rejectsASecondArrayOfObjectsWithItsPath() {
        assertEquals(List.of("$.schema[0].properties[2].items.properties: the items of 'items' are exploded into "
                + "records already, and a record is one item of one array; leave out the properties of the items of "
                + "'payments' to keep it whole as JSON text"), problems("""
                        - {name: id, logicalType: string}
                        - name: items
                          logicalType: array
                          items: {properties: [{name: sku, logicalType: string}]}
                        - name: payments
                          logicalType: array
                          items: {properties: [{name: amount, logicalType: number}]}
                        """));
    }

    @Test
    void rejectsAnArrayOfObjectsInsideTheItemsWithItsPath() {
        assertEquals(List.of("$.schema[0].properties[0].items.properties[1].items.properties: an array of objects "
                + "inside the items of 'items' is not exploded; leave out the properties of its items to keep it "
                + "whole as JSON text"), problems("""
                        - name: items
                          logicalType: array
                          items:
                            properties:
                              - {name: sku, logicalType: string}
                              - name: parts
                                logicalType: array
                                items: {properties: [{name: p, logicalType: integer}]}
                        """));
    }

    @Test
    void reportsEveryProblemOfTheNestedPropertiesAtOnceWithTheirPaths() {
        assertEquals(List.of(
                "$.schema[0].properties[0].primaryKey: an object with properties is not a value; make its properties "
                        + "the key",
                "$.schema[0].properties[0].logicalTypeOptions.required[0]: 'name' is not a property of this object",
                "$.schema[0].properties[1].items.logicalType: items with properties are objects, found 'string'",
                "$.schema[0].properties[1].logicalTypeOptions: minItems 3 is greater than maxItems 2, so no array can "
                        + "be valid",
                "$.schema[0].properties[1].items.properties[0].logicalTypeOptions.pattern: '[' is not a regular "
                        + "expression of RE2's syntax (no backreferences or lookaround, so that it runs in linear "
                        + "time): missing closing ]"),
                problems("""
                        - name: customer
                          logicalType: object
                          primaryKey: true
                          logicalTypeOptions: {required: [name]}
                          properties:
                            - {name: id, logicalType: string}
                        - name: items
                          logicalType: array
                          logicalTypeOptions: {minItems: 3, maxItems: 2}
                          items:
                            logicalType: string
                            properties:
                              - {name: sku, logicalType: string, logicalTypeOptions: {pattern: '['}}
                        """));
    }

    @Test
    void checksTheStructureOfNestedPropertiesAndItemsAsOdcs() {
        assertEquals(List.of(
                "$.schema[0].properties[0].properties[0].logicalType: 'text' is not one of [string, date, timestamp, "
                        + "time, number, integer, object, array, boolean]",
                "$.schema[0].properties[1].items.color: is not a property ODCS defines here"),
                problems("""
                        - name: customer
                          logicalType: object
                          properties:
                            - {name: id, logicalType: text}
                        - name: items
                          logicalType: array
                          items:
                            color: red
                            properties:
                              - {name: sku, logicalType: string}
                        """));
    }

    @Test
    void rejectsAPropertyReadFromInsideAnObjectItIsNotDeclaredIn() {
        assertEquals(List.of("$.schema[0].properties: 'customer.email' is read from 'customer.email', inside "
                + "'customer', but is not declared in its properties"), problems("""
                        - name: customer
                          logicalType: object
                          properties: [{name: id, logicalType: string}]
                        - {name: customer.email, logicalType: string}
                        """));
    }

    @Test
    void rejectsKeyPositionsThatRepeatAmongTheItemsKeys() {
        assertEquals(List.of("$.schema[0].properties: primary key 'items.b' needs a primaryKeyPosition distinct from "
                + "the other key properties of the items"), problems("""
                        - {name: id, logicalType: string, primaryKey: true, primaryKeyPosition: 1}
                        - name: items
                          logicalType: array
                          items:
                            properties:
                              - {name: a, logicalType: string, primaryKey: true, primaryKeyPosition: 1}
                              - {name: b, logicalType: string, primaryKey: true, primaryKeyPosition: 1}
                        """));
    }

    @Test
    void rejectsPropertiesNestedDeeperThanTheLimit() {
        StringBuilder yaml = new StringBuilder("- {name: id, logicalType: string}\n");
        String indent = "";
        for (int i = 0; i <= NestedProperties.MAX_DEPTH; i++) {
            yaml.append(indent).append("- name: o").append(i).append('\n')
                    .append(indent).append("  logicalType: object\n")
                    .append(indent).append("  properties:\n");
            indent += "    ";
        }
        yaml.append(indent).append("- {name: leaf, logicalType: string}\n");
        List<String> problems = problems(yaml.toString());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith(": objects and arrays with properties nest deeper than "
                + NestedProperties.MAX_DEPTH + " levels"), problems.get(0));
    }

    @Test
    void acceptsItemsWithoutANameAsTheStandardAllows() {
        DataContract contract = read("""
                - name: items
                  logicalType: array
                  items:
                    logicalType: object
                    properties: [{name: sku, logicalType: string}]
                """);
        assertEquals("items.sku", contract.properties().get(0).name());
    }
}
