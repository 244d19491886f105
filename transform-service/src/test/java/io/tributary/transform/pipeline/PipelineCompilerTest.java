package io.tributary.transform.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.local.DemoLoader;

class PipelineCompilerTest {

    private static final Map<String, FieldType> SALES = new LinkedHashMap<>();
    static {
        SALES.put("row_id", FieldType.INTEGER);
        SALES.put("order_date", FieldType.DATE);
        SALES.put("ordered_at", FieldType.TEXT);
        SALES.put("state", FieldType.TEXT);
        SALES.put("customer", FieldType.TEXT);
        SALES.put("sales", FieldType.DECIMAL);
        SALES.put("discount", FieldType.DECIMAL);
        SALES.put("quantity", FieldType.INTEGER);
    }

    /** The web shop's orders: a customer object and an array of items, each item a record of its own. */
    private static final String WEB_ORDERS = """
            apiVersion: v3.1.0
            kind: DataContract
            id: urn:test:web-orders
            version: 1.0.0
            status: active
            schema:
              - name: web_orders
                properties:
                  - {name: order_id, physicalName: orderId, logicalType: string, primaryKey: true}
                  - {name: order_date, physicalName: orderDate, logicalType: date, required: true}
                  - name: customer
                    logicalType: object
                    properties:
                      - {name: id, logicalType: string, required: true}
                      - {name: segment, logicalType: string}
                  - name: items
                    logicalType: array
                    items:
                      logicalType: object
                      properties:
                        - {name: sku, logicalType: string}
                        - {name: sales, logicalType: number}
                        - {name: quantity, logicalType: integer}
            """;

    private final Map<String, Map<String, Object>> referenceRows = new HashMap<>();
    private final RowContext context = new RowContext() {
        @Override
        public Map<String, Object> reference(String pipeline, String key) {
            return referenceRows.get(pipeline + "/" + key);
        }

        @Override
        public ZoneId zoneOf(String source) {
            return ZoneId.of("America/New_York");
        }
    };

    private static CompiledPipeline compile(String yaml) {
        return PipelineCompiler.compile(PipelineReader.read(yaml, true), 1, SALES,
                name -> name.equals("regions") ? Optional.of(regions()) : Optional.empty());
    }

    private static CompiledPipeline regions() {
        return PipelineCompiler.compile(PipelineReader.read("""
                name: regions
                dataset: regions
                kind: reference
                key: [state]
                """, true), 1, Map.of("state", FieldType.TEXT, "region", FieldType.TEXT), name -> Optional.empty());
    }

    private Outcome run(CompiledPipeline pipeline, Map<String, Object> data) {
        return pipeline.run(data, "shop", "k1", context);
    }

    private static Map<String, Object> sale() {
        Map<String, Object> data = new HashMap<>();
        data.put("row_id", 7);
        data.put("order_date", "2017-11-08");
        data.put("ordered_at", "2017-11-05 01:30:00");
        data.put("state", "CA");
        data.put("customer", " Claire\u00A0\u00A0Gute ");
        data.put("sales", new BigDecimal("261.96"));
        data.put("discount", new BigDecimal("0.2"));
        data.put("quantity", 2);
        return data;
    }

    @Test
    void derivesExactDecimalsWithoutFloatingPoint() {
        CompiledPipeline pipeline = compile("""
                name: sales
                dataset: sales
                steps:
                  - derive: {net: "sales - discount * sales", double_quantity: "quantity * 2"}
                """);
        Outcome.Curated row = assertInstanceOf(Outcome.Curated.class, run(pipeline, sale()));
        assertEquals(new BigDecimal("209.568"), row.values().get("net"));
        assertEquals(4L, row.values().get("double_quantity"));
        assertEquals(FieldType.DECIMAL, pipeline.output().get("net"));
        assertEquals(FieldType.INTEGER, pipeline.output().get("double_quantity"));
        assertEquals(Set.of("sales", "discount"), pipeline.lineage().get("net"));
    }

    @Test
    void readsLocalTimesInTheSourceZoneAcrossDaylightSaving() {
        CompiledPipeline pipeline = compile("""
                name: sales
                dataset: sales
                steps:
                  - timezone: {field: ordered_at, format: "yyyy-MM-dd HH:mm:ss"}
                """);
        Map<String, Object> data = sale();
        Outcome.Curated beforeChange = assertInstanceOf(Outcome.Curated.class, run(pipeline, data));
        // 2017-11-05 01:30 happens twice in New York; the earlier offset (EDT, -04:00) is taken
        assertEquals(Instant.parse("2017-11-05T05:30:00Z"), beforeChange.values().get("ordered_at"));
        data.put("ordered_at", "2017-03-12 02:30:00");
        Outcome.Curated inGap = assertInstanceOf(Outcome.Curated.class, run(pipeline, data));
        // 02:30 does not exist on that day; it is moved forward by the hour the clocks skip
        assertEquals(Instant.parse("2017-03-12T07:30:00Z"), inGap.values().get("ordered_at"));
        assertEquals(FieldType.TIMESTAMP, pipeline.output().get("ordered_at"));
    }

    @Test
    void readsLocalTimesInADeclaredZoneWithAHalfHourOffset() {
        CompiledPipeline pipeline = compile("""
                name: sales
                dataset: sales
                steps:
                  - timezone: {field: ordered_at, zone: Asia/Kolkata, format: "yyyy-MM-dd HH:mm:ss"}
                """);
        Outcome.Curated row = assertInstanceOf(Outcome.Curated.class, run(pipeline, sale()));
        assertEquals(Instant.parse("2017-11-04T20:00:00Z"), row.values().get("ordered_at"));
    }

    @Test
    void normalisesTextAndMapsStatesToTheirStandardNames() {
        CompiledPipeline pipeline = compile("""
                name: sales
                dataset: sales
                steps:
                  - normalise: {fields: [customer], case: upper}
                  - map: {field: state, values: {CA: California, NY: New York}, otherwise: fail}
                """);
        Map<String, Object> data = sale();
        data.put("customer", " Cafe\u0301\u00A0\u00A0Gute ");
        Outcome.Curated row = assertInstanceOf(Outcome.Curated.class, run(pipeline, data));
        assertEquals("CAF\u00C9 GUTE", row.values().get("customer"));
        assertEquals("California", row.values().get("state"));
        data.put("state", "ZZ");
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, run(pipeline, data));
        assertEquals("state", failed.field());
        assertTrue(failed.reason().contains("'ZZ' is not one of the mapped values"), failed.reason());
    }

    @Test
    void normalisingLeavesPlainTextAsItIsAndCleansEveryOtherSpacing() {
        assertEquals("Claire Gute", PipelineCompiler.normalised("Claire Gute", Step.TextCase.KEEP));
        assertEquals("claire gute", PipelineCompiler.normalised("Claire Gute", Step.TextCase.LOWER));
        assertEquals("Claire Gute", PipelineCompiler.normalised(" Claire Gute", Step.TextCase.KEEP));
        assertEquals("Claire Gute", PipelineCompiler.normalised("Claire Gute ", Step.TextCase.KEEP));
        assertEquals("Claire Gute", PipelineCompiler.normalised("Claire  Gute", Step.TextCase.KEEP));
        assertEquals("Claire Gute", PipelineCompiler.normalised("Claire\tGute", Step.TextCase.KEEP));
        assertEquals("Claire Gute", PipelineCompiler.normalised("Claire\u00A0Gute", Step.TextCase.KEEP));
        assertEquals("Caf\u00E9", PipelineCompiler.normalised("Cafe\u0301", Step.TextCase.KEEP));
        assertEquals("", PipelineCompiler.normalised("  ", Step.TextCase.KEEP));
        assertEquals("", PipelineCompiler.normalised("", Step.TextCase.KEEP));
    }

    @Test
    void filtersAndRenames() {
        CompiledPipeline pipeline = compile("""
                name: sales
                dataset: sales
                key: [line]
                steps:
                  - rename: {row_id: line}
                  - filter: "quantity > 1"
                """);
        Outcome.Curated kept = assertInstanceOf(Outcome.Curated.class, run(pipeline, sale()));
        assertEquals("7", kept.key());
        assertEquals(7L, kept.values().get("line"));
        Map<String, Object> single = sale();
        single.put("quantity", 1);
        Outcome.Filtered filtered = assertInstanceOf(Outcome.Filtered.class, run(pipeline, single));
        assertEquals("7", filtered.key());
    }

    @Test
    void keepsAFactWhoseReferenceHasNotArrivedAsPending() {
        CompiledPipeline pipeline = compile("""
                name: sales
                dataset: sales
                steps:
                  - lookup: {reference: regions, key: state}
                """);
        Outcome.Curated pending = assertInstanceOf(Outcome.Curated.class, run(pipeline, sale()));
        assertEquals(List.of("regions"), pending.pending());
        assertTrue(pending.values().containsKey("region"));
        referenceRows.put("regions/CA", Map.of("state", "CA", "region", "West"));
        Outcome.Curated complete = assertInstanceOf(Outcome.Curated.class, run(pipeline, sale()));
        assertEquals("West", complete.values().get("region"));
        assertEquals(List.of(), complete.pending());
    }

    @Test
    void quarantinesRecordWhoseExpressionFails() {
        CompiledPipeline pipeline = compile("""
                name: sales
                dataset: sales
                steps:
                  - derive: {unit_price: "sales / quantity"}
                """);
        Map<String, Object> data = sale();
        data.put("quantity", 0);
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, run(pipeline, data));
        assertEquals("unit_price", failed.field());
        assertTrue(failed.reason().contains("sales / quantity"), failed.reason());
    }

    @Test
    void typesTheInputFromTheContract() {
        CompiledPipeline pipeline = compile("""
                name: sales
                dataset: sales
                eventTime: order_date
                """);
        Outcome.Curated row = assertInstanceOf(Outcome.Curated.class, run(pipeline, sale()));
        assertEquals(LocalDate.of(2017, 11, 8), row.values().get("order_date"));
        Map<String, Object> data = sale();
        data.put("sales", "a lot");
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, run(pipeline, data));
        assertEquals("input", failed.step());
        assertEquals("sales", failed.field());
    }

    @Test
    void reportsEveryProblemWithWhereItIs() {
        PipelineException e = assertThrows(PipelineException.class, () -> compile("""
                name: Sales!
                dataset: sales
                eventTime: state
                steps:
                  - rename: {nope: other}
                  - derive: {flag: "state == 'CA'"}
                  - filter: "missing > 1"
                  - lookup: {reference: nowhere, key: state}
                  - explode: {field: items}
                aggregate:
                  dimensions: [region]
                  measures: [customer]
                """));
        List<String> problems = e.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.name:")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("unknown step 'explode'")), problems.toString());
        // the reader stops before the compiler when the document itself is wrong; compile a correct document next
        PipelineException compiled = assertThrows(PipelineException.class, () -> compile("""
                name: sales
                dataset: sales
                eventTime: state
                steps:
                  - rename: {nope: other}
                  - derive: {flag: "state == 'CA'"}
                  - filter: "missing > 1"
                  - lookup: {reference: nowhere, key: state}
                aggregate:
                  dimensions: [region]
                  measures: [customer]
                """));
        String all = String.join("\n", compiled.problems());
        assertTrue(all.contains("$.steps (rename): no field 'nope'"), all);
        assertTrue(all.contains("$.steps (derive flag): give the derived field a type"), all);
        assertTrue(all.contains("$.steps (filter): the expression reads 'missing'"), all);
        assertTrue(all.contains("'nowhere' is not a reference pipeline"), all);
        assertTrue(all.contains("$.eventTime: 'state' is text"), all);
        assertTrue(all.contains("$.aggregate.dimensions: no field 'region'"), all);
        assertTrue(all.contains("$.aggregate.measures: 'customer' is text, not a number"), all);
    }

    @Test
    void compilesTheDemoPipelineAgainstTheDemoContract() {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        ContractReader.read(ContractReader.parse(DemoLoader.contractYaml(), ContractReader.Syntax.YAML), "sales")
                .properties().forEach(p -> fields.put(p.name(), FieldType.of(p.logicalType())));
        CompiledPipeline demo = PipelineCompiler.compile(PipelineReader.read(DemoLoader.pipelineYaml(), true), 1,
                fields, name -> Optional.empty());
        assertEquals(FieldType.DECIMAL, demo.output().get("net_sales"));
        assertEquals(Set.of("sales", "discount"), demo.lineage().get("net_sales"));
    }

    @Test
    void namesTheFieldsOfANestedContractByTheirPathInEveryPartOfAPipeline() {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        ContractReader.read(ContractReader.parse(WEB_ORDERS, ContractReader.Syntax.YAML), "web_orders")
                .properties().forEach(p -> fields.put(p.name(), FieldType.of(p.logicalType())));
        assertEquals(List.of("order_id", "order_date", "customer.id", "customer.segment", "items.sku", "items.sales",
                "items.quantity"), List.copyOf(fields.keySet()));
        CompiledPipeline pipeline = PipelineCompiler.compile(PipelineReader.read("""
                name: web_orders
                dataset: web_orders
                eventTime: order_date
                steps:
                  - filter: "customer.segment != 'Internal'"
                  - derive: {unit_price: "items.sales / items.quantity"}
                  - normalise: {fields: [items.sku], case: upper}
                aggregate: {dimensions: [customer.id, items.sku], measures: [items.sales, items.quantity]}
                """, true), 1, fields, name -> Optional.empty());
        assertEquals(Set.of("items.sales", "items.quantity"), pipeline.lineage().get("unit_price"));

        Map<String, Object> item = new HashMap<>();
        item.put("order_id", "O1");
        item.put("order_date", "2024-03-01");
        item.put("customer.id", "C7");
        item.put("customer.segment", "Consumer");
        item.put("items.sku", "chair");
        item.put("items.sales", new BigDecimal("241.00"));
        item.put("items.quantity", 2);
        Outcome.Curated row = assertInstanceOf(Outcome.Curated.class, pipeline.run(item, "shop", "O1|1", context));
        assertEquals("O1|1", row.key());
        assertEquals(new BigDecimal("120.5"), ((BigDecimal) row.values().get("unit_price")).stripTrailingZeros());
        assertEquals("CHAIR", row.values().get("items.sku"));
        assertEquals("C7", row.values().get("customer.id"));
        item.put("customer.segment", "Internal");
        assertInstanceOf(Outcome.Filtered.class, pipeline.run(item, "shop", "O1|1", context));
        item.put("customer.segment", null);
        assertInstanceOf(Outcome.Curated.class, pipeline.run(item, "shop", "O1|1", context));
        item.put("items.quantity", 0);
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, pipeline.run(item, "shop", "O1|1", context));
        assertEquals("unit_price", failed.field());
        assertTrue(failed.reason().contains("items.sales / items.quantity"), failed.reason());
    }

    @Test
    void saysWhichNestedFieldAnExpressionReadsThatTheContractDoesNotDeclare() {
        Map<String, FieldType> fields = Map.of("customer.id", FieldType.TEXT, "items.sales", FieldType.DECIMAL);
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineCompiler.compile(
                PipelineReader.read("""
                        name: web_orders
                        dataset: web_orders
                        steps:
                          - derive: {net: "items.net * 2", who: {expression: "customer.name", type: text}}
                        """, true), 1, fields, name -> Optional.empty()));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("the expression reads 'items.net', which is not a field here"), all);
        assertTrue(all.contains("the expression reads 'customer.name', which is not a field here"), all);
    }

    @Test
    void rejectsExpressionsThatReachOutsideTheRow() {
        PipelineException e = assertThrows(PipelineException.class, () -> compile("""
                name: sales
                dataset: sales
                steps:
                  - derive: {x: {expression: "total = 1", type: integer}}
                """));
        assertTrue(e.problems().get(0).contains("not a valid expression"), e.problems().toString());
        CompiledPipeline classAccess = compile("""
                name: sales
                dataset: sales
                steps:
                  - derive: {x: {expression: "customer.getClass().forName('java.lang.Runtime')", type: text}}
                """);
        assertInstanceOf(Outcome.Failed.class, run(classAccess, sale()));
    }
}
