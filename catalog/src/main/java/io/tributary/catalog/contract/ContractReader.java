package io.tributary.catalog.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.tributary.catalog.document.DocumentFormat;

/** Reads ODCS v3 documents (YAML or JSON) into the checked {@link DataContract} of one dataset. */
public final class ContractReader {

    public enum Syntax {
        JSON,
        YAML
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OPTIONS = new TypeReference<>() {
    };

    private ContractReader() {
    }

    /** Parses the text of a contract; a syntax error is reported with its line and column. */
    public static JsonNode parse(String text, Syntax syntax) {
        return format(syntax).read(text, "contract", ContractException::new);
    }

    /** Checks the document as ODCS, then reads the schema object that describes {@code dataset}. */
    public static DataContract read(JsonNode document, String dataset) {
        List<String> problems = OdcsValidator.validate(document);
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        int index = objectIndex(document.path("schema"), dataset);
        String path = "$.schema[" + index + "]";
        JsonNode object = document.get("schema").get(index);
        List<ContractProperty> properties = new ArrayList<>();
        JsonNode list = object.path("properties");
        for (int i = 0; i < list.size(); i++) {
            properties.add(property(list.get(i), path + ".properties[" + i + "]", problems));
        }
        checkUnique(properties, path, problems);
        List<QualityRule> quality = objectQuality(object, path, properties, problems);
        if (properties.isEmpty()) {
            problems.add(path + ".properties: the schema object of dataset '" + dataset + "' declares no properties");
        }
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        return new DataContract(document.get("id").asText(), document.get("version").asText(),
                document.get("status").asText(), object.get("name").asText(), List.copyOf(properties), quality);
    }

    public static String toJson(JsonNode document) {
        return DocumentFormat.JSON.write(document);
    }

    public static String toYaml(JsonNode document) {
        return DocumentFormat.YAML.write(document);
    }

    private static DocumentFormat format(Syntax syntax) {
        return syntax == Syntax.YAML ? DocumentFormat.YAML : DocumentFormat.JSON;
    }

    private static int objectIndex(JsonNode schema, String dataset) {
        if (!schema.isArray() || schema.isEmpty()) {
            throw new ContractException(List.of("$.schema: the contract must describe dataset '" + dataset
                    + "' with a schema object"));
        }
        if (schema.size() == 1) {
            return 0;
        }
        for (int i = 0; i < schema.size(); i++) {
            if (dataset.equals(schema.get(i).path("name").asText())) {
                return i;
            }
        }
        throw new ContractException(List.of("$.schema: " + schema.size()
                + " schema objects and none is named '" + dataset + "'"));
    }

    private static ContractProperty property(JsonNode node, String path, List<String> problems) {
        LogicalType type = LogicalType.fromOdcs(node.path("logicalType").asText("string")).orElseThrow();
        Map<String, Object> options = node.has("logicalTypeOptions")
                ? JSON.convertValue(node.get("logicalTypeOptions"), OPTIONS)
                : Map.of();
        TypeOptions.check(node.get("logicalTypeOptions"), type, path + ".logicalTypeOptions", problems);
        List<QualityRule> quality = QualityReader.read(node.get("quality"), path + ".quality", type, problems);
        return new ContractProperty(node.get("name").asText(),
                node.has("physicalName") ? node.get("physicalName").asText() : null,
                type,
                node.path("required").asBoolean(false),
                node.path("primaryKey").asBoolean(false),
                node.path("primaryKeyPosition").asInt(-1),
                new LinkedHashMap<>(options),
                quality);
    }

    /** A schema object's own rules; the properties a multi-column duplicateValues names must be the object's. */
    private static List<QualityRule> objectQuality(JsonNode object, String path, List<ContractProperty> properties,
            List<String> problems) {
        List<QualityRule> quality = QualityReader.read(object.get("quality"), path + ".quality", null, problems);
        Set<String> names = new HashSet<>();
        properties.forEach(p -> names.add(p.name()));
        JsonNode list = object.path("quality");
        for (int i = 0; i < list.size(); i++) {
            JsonNode named = list.get(i).path("arguments").path("properties");
            for (int j = 0; j < named.size(); j++) {
                if (named.get(j).isTextual() && !names.contains(named.get(j).asText())) {
                    problems.add(path + ".quality[" + i + "].arguments.properties[" + j + "]: '"
                            + named.get(j).asText() + "' is not a property of this schema object");
                }
            }
        }
        return quality;
    }

    private static void checkUnique(List<ContractProperty> properties, String path, List<String> problems) {
        Set<String> names = new HashSet<>();
        Set<String> sourceNames = new HashSet<>();
        Set<Integer> keyPositions = new HashSet<>();
        long keys = properties.stream().filter(ContractProperty::primaryKey).count();
        for (ContractProperty p : properties) {
            if (!names.add(p.name())) {
                problems.add(path + ".properties: property name '" + p.name() + "' appears more than once");
            }
            if (!sourceNames.add(p.sourceName())) {
                problems.add(path + ".properties: two properties read the same column '" + p.sourceName() + "'");
            }
            if (keys > 1 && p.primaryKey() && !keyPositions.add(p.primaryKeyPosition())) {
                problems.add(path + ".properties: primary key '" + p.name()
                        + "' needs a primaryKeyPosition distinct from the other key properties");
            }
        }
    }
}
