package io.tributary.catalog.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Coverage-guided: any text, read as a YAML and as a JSON contract, gives a contract or a {@link ContractException}
 * listing at least one problem; nothing else comes out. A contract read is written back as JSON and YAML, and the
 * nesting of its properties (keys, exploded array, containers up to the top) can be followed. Replays
 * {@code ContractReaderFuzzTestInputs/} (the demo contract among them) in every build.
 */
class ContractReaderFuzzTest {

    @FuzzTest
    @DictionaryEntries({"apiVersion: v3.1.0", "kind: DataContract", "id: ", "version: ", "status: active",
            "schema:", "  - name: sales", "    properties:", "      - name: ", "logicalType: ", "string",
            "integer", "number", "date", "timestamp", "boolean", "object", "array", "logicalTypeOptions: ",
            "required: true", "primaryKey: true", "primaryKeyPosition: ", "physicalName: ", "quality:", "rule: ",
            "mustBe", "mustBeBetween", "duplicateValues", "nullValues", "invalidValues", "rowCount", "arguments: ",
            "properties: ", "format: ", "pattern: ", "minLength", "maxLength", "minimum", "maximum",
            "exclusiveMaximum", "multipleOf", "timezone", "1e999999999", "-0.5e-999999999", "&a", "*a", "!!binary",
            "{", "}", "[", "]", "\"", ": ", "- ", "items:", "minItems", "maxItems"})
    void anyTextGivesAContractOrItsProblems(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (ContractReader.Syntax syntax : ContractReader.Syntax.values()) {
            try {
                JsonNode document = ContractReader.parse(text, syntax);
                DataContract contract = ContractReader.read(document, "sales");
                assertFalse(contract.properties().isEmpty(), "a contract has properties");
                contract.primaryKey();
                contract.itemKey();
                contract.keyedByItemPosition();
                contract.properties().forEach(contract::requiredInEveryRecord);
                ContractReader.toJson(document);
                ContractReader.toYaml(document);
            } catch (ContractException e) {
                assertFalse(e.problems().isEmpty(), "a refused contract says why");
            }
        }
    }
}
