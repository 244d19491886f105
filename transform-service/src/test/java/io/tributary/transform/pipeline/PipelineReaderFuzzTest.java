package io.tributary.transform.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.local.DemoLoader;

/**
 * Coverage-guided: any text, read as a YAML and as a JSON pipeline and compiled against the demo contract's fields,
 * gives a compiled pipeline or a {@link PipelineException} listing at least one problem; nothing else comes out.
 * Replays {@code PipelineReaderFuzzTestInputs/} (the demo pipeline among them) in every build.
 */
class PipelineReaderFuzzTest {

    private static final Map<String, FieldType> DEMO_FIELDS = new LinkedHashMap<>();
    static {
        ContractReader.read(ContractReader.parse(DemoLoader.contractYaml(), ContractReader.Syntax.YAML), "sales")
                .properties().forEach(p -> DEMO_FIELDS.put(p.name(), FieldType.of(p.logicalType())));
    }

    @FuzzTest
    @DictionaryEntries({"name: sales", "dataset: sales", "kind: reference", "kind: fact", "key: [", "eventTime: ",
            "lateness: PT1H", "steps:", "  - ", "rename: ", "cast: ", "normalise: ", "map: ", "timezone: ",
            "derive: ", "filter: ", "lookup: ", "field: ", "values: ", "otherwise: ", "zone: ", "format: ",
            "expression: ", "type: ", "reference: ", "fields: ", "case: ", "aggregate:", "dimensions: [",
            "measures: [", "features:", "customer: ", "order: ", "product: ", "quantity: ", "integer", "decimal",
            "text", "date", "timestamp", "boolean", "order_date", "sales", "discount", "region", "row_id",
            "America/New_York", "sales - discount * sales", "P999999999999D", "1e999999999", "=~", "{", "}", "[",
            "]", "\"", ": ", "- "})
    void anyTextGivesAPipelineOrItsProblems(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (boolean yaml : new boolean[]{true, false}) {
            try {
                PipelineDefinition definition = PipelineReader.read(text, yaml);
                PipelineCompiler.compile(definition, 1, DEMO_FIELDS, name -> Optional.empty());
            } catch (PipelineException e) {
                assertFalse(e.problems().isEmpty(), "a refused pipeline says why");
            }
        }
    }
}
