package io.tributary.transform.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.local.DemoLoader;

/** A value the steps leave of its column's type is not converted again on output, and the rows are the same. */
class SingleConversionTest {

    private static final Map<String, FieldType> INPUT = new LinkedHashMap<>();
    static {
        INPUT.put("row_id", FieldType.INTEGER);
        INPUT.put("order_date", FieldType.DATE);
        INPUT.put("ordered_at", FieldType.TEXT);
        INPUT.put("state", FieldType.TEXT);
        INPUT.put("customer", FieldType.TEXT);
        INPUT.put("sales", FieldType.DECIMAL);
        INPUT.put("discount", FieldType.DECIMAL);
        INPUT.put("quantity", FieldType.INTEGER);
        INPUT.put("code", FieldType.TEXT);
    }

    private static final List<String> PIPELINES = List.of("""
            name: every_step
            dataset: sales
            steps:
              - rename: {row_id: line, customer: buyer}
              - normalise: {fields: [buyer], case: upper}
              - map: {field: state, values: {CA: California, NY: New York}, otherwise: keep}
              - timezone: {field: ordered_at, format: "yyyy-MM-dd HH:mm:ss"}
              - cast: {code: decimal, quantity: text}
              - derive: {net: "sales - (discount == null ? 0 : discount) * sales", twice: "line * 2"}
              - derive: {label: {expression: "state + '/' + buyer", type: text}}
              - filter: "net == null || net >= 0"
            """, """
            name: looked_up
            dataset: sales
            steps:
              - map: {field: state, values: {CA: California}, otherwise: null}
              - lookup: {reference: regions, key: code}
              - cast: {sales: integer}
            """, """
            name: casts
            dataset: sales
            steps:
              - cast: {row_id: decimal, sales: text, discount: decimal, code: integer}
              - derive: {ratio: {expression: "discount / sales", type: decimal}}
            """);

    private final Map<String, Map<String, Object>> referenceRows = new HashMap<>();
    private final RowContext context = new RowContext() {
        @Override
        public Map<String, Object> reference(String pipeline, String key) {
            return referenceRows.get(key);
        }

        @Override
        public ZoneId zoneOf(String source) {
            return ZoneId.of("America/New_York");
        }
    };

    @Test
    void theDemoPipelinesColumnsAreConvertedOnceOnTheirWayIn() {
        Map<String, FieldType> input = new LinkedHashMap<>();
        ContractReader.read(ContractReader.parse(DemoLoader.contractYaml(), ContractReader.Syntax.YAML), "sales")
                .properties().forEach(p -> input.put(p.name(), FieldType.of(p.logicalType())));
        CompiledPipeline demo = PipelineCompiler.compile(PipelineReader.read(DemoLoader.pipelineYaml(), true), 1,
                input, name -> Optional.empty());
        assertEquals(Map.of(), demo.conversions());
        assertEquals(demo.output(), demo.plain().conversions());
    }

    @Test
    void lookedUpFieldsAreConvertedOnOutput() {
        assertEquals(Map.of("region", FieldType.TEXT), compile(PIPELINES.get(1)).conversions());
    }

    @Test
    void givesTheRowsThatConvertingEveryColumnOnOutputGives() {
        Random random = new Random(61);
        referenceRows.put("1", Map.of("region", "West"));
        referenceRows.put("2", Map.of("region", 2));
        referenceRows.put("3", Map.of("region", new BigDecimal("3.50")));
        int curated = 0;
        for (String yaml : PIPELINES) {
            CompiledPipeline pipeline = compile(yaml);
            CompiledPipeline plain = pipeline.plain();
            for (int i = 0; i < 3_000; i++) {
                Map<String, Object> data = record(random);
                Outcome once = pipeline.run(data, "shop", "k" + i, context);
                Outcome everyColumn = plain.run(data, "shop", "k" + i, context);
                assertEquals(everyColumn, once, () -> yaml + " on " + data);
                if (once instanceof Outcome.Curated row) {
                    curated++;
                    row.values().forEach((column, value) -> assertEquals(types(everyColumn).get(column),
                            value == null ? null : value.getClass(), column));
                }
            }
        }
        assertTrue(curated > 3_000, curated + " curated rows");
    }

    private static Map<String, Class<?>> types(Outcome outcome) {
        Map<String, Class<?>> types = new HashMap<>();
        ((Outcome.Curated) outcome).values().forEach((column, value) -> types.put(column,
                value == null ? null : value.getClass()));
        return types;
    }

    private static CompiledPipeline compile(String yaml) {
        CompiledPipeline regions = PipelineCompiler.compile(PipelineReader.read("""
                name: regions
                dataset: regions
                kind: reference
                key: [code]
                """, true), 1, Map.of("code", FieldType.TEXT, "region", FieldType.TEXT), name -> Optional.empty());
        return PipelineCompiler.compile(PipelineReader.read(yaml, true), 1, INPUT,
                name -> name.equals("regions") ? Optional.of(regions) : Optional.empty());
    }

    /** A record as the event carries it: numbers of JSON's types and of text, some null, some not of their type. */
    private static Map<String, Object> record(Random random) {
        Map<String, Object> data = new HashMap<>();
        data.put("row_id", pick(random, 7, 7L, Long.MAX_VALUE, "12", new BigDecimal("3.0"), null));
        data.put("order_date", pick(random, "2017-11-08", " 2017-11-08 ", null));
        data.put("ordered_at", pick(random, "2017-11-05 01:30:00", "2017-03-12 02:30:00", null));
        data.put("state", pick(random, "CA", "NY", "TX", 5, null));
        data.put("customer", pick(random, " Claire\u00A0\u00A0Gute ", "Cafe\u0301", "plain", 12, null));
        data.put("sales", pick(random, new BigDecimal("261.96"), new BigDecimal("261.960"), new BigDecimal("1E+3"),
                new BigDecimal("0.000"), 5L, "12.50", new BigDecimal("-3")));
        data.put("discount", pick(random, new BigDecimal("0.2"), new BigDecimal("0.20"), null, 0L, "0.5"));
        data.put("quantity", pick(random, 2, 2L, 3L, "4", null));
        data.put("code", pick(random, "1", "2", "3", "4", "1.50", 7L, null));
        return data;
    }

    private static Object pick(Random random, Object... values) {
        return values[random.nextInt(values.length)];
    }
}
