package io.tributary.catalog.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a document against the structure of the Open Data Contract Standard v3: required keys, known keys, types and
 * enumerations of the parts Tributary reads (the top level, schema objects and their properties, SLA properties). Every
 * problem is reported with a JSON path, so a producer can fix them all at once.
 */
final class OdcsValidator {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "kind", "apiVersion", "id", "name", "tenant",
            "tags", "status", "servers", "dataProduct", "description", "domain", "schema", "support", "price", "team",
            "roles", "slaDefaultElement", "slaProperties", "authoritativeDefinitions", "customProperties",
            "contractCreatedTs");
    private static final List<String> REQUIRED_TOP_LEVEL = List.of("version", "apiVersion", "kind", "id", "status");
    private static final List<String> API_VERSIONS = List.of("v3.1.0", "v3.0.2", "v3.0.1", "v3.0.0", "v2.2.2",
            "v2.2.1", "v2.2.0");
    private static final Set<String> ELEMENT_KEYS = Set.of("id", "name", "physicalType", "description", "businessName",
            "authoritativeDefinitions", "tags", "customProperties");
    private static final Set<String> OBJECT_KEYS = union(ELEMENT_KEYS, Set.of("logicalType", "physicalName",
            "dataGranularityDescription", "properties", "relationships", "quality"));
    private static final Set<String> PROPERTY_KEYS = union(ELEMENT_KEYS, Set.of("primaryKey", "primaryKeyPosition",
            "logicalType", "logicalTypeOptions", "physicalType", "physicalName", "required", "unique", "partitioned",
            "partitionKeyPosition", "classification", "encryptedName", "transformSourceObjects", "transformLogic",
            "transformDescription", "examples", "criticalDataElement", "relationships", "quality"));
    private static final Map<LogicalType, Set<String>> OPTIONS_BY_TYPE = Map.of(
            LogicalType.STRING, Set.of("format", "maxLength", "minLength", "pattern"),
            LogicalType.DATE, Set.of("exclusiveMaximum", "exclusiveMinimum", "format", "maximum", "minimum"),
            LogicalType.TIMESTAMP, Set.of("defaultTimezone", "exclusiveMaximum", "exclusiveMinimum", "format", "maximum",
                    "minimum", "timezone"),
            LogicalType.TIME, Set.of("defaultTimezone", "exclusiveMaximum", "exclusiveMinimum", "format", "maximum",
                    "minimum", "timezone"),
            LogicalType.INTEGER, Set.of("exclusiveMaximum", "exclusiveMinimum", "format", "maximum", "minimum",
                    "multipleOf"),
            LogicalType.NUMBER, Set.of("exclusiveMaximum", "exclusiveMinimum", "format", "maximum", "minimum",
                    "multipleOf"),
            LogicalType.OBJECT, Set.of("maxProperties", "minProperties", "required"),
            LogicalType.ARRAY, Set.of("maxItems", "minItems", "uniqueItems"),
            LogicalType.BOOLEAN, Set.of());
    private static final Set<String> SLA_KEYS = Set.of("id", "property", "value", "valueExt", "unit", "element",
            "driver", "description", "scheduler", "schedule");

    private final List<String> problems = new ArrayList<>();

    static List<String> validate(JsonNode document) {
        OdcsValidator validator = new OdcsValidator();
        validator.topLevel(document);
        return validator.problems;
    }

    private void topLevel(JsonNode doc) {
        if (!doc.isObject()) {
            problems.add("$: a data contract must be an object, found " + kind(doc));
            return;
        }
        unknownKeys(doc, "$", TOP_LEVEL_KEYS);
        for (String key : REQUIRED_TOP_LEVEL) {
            if (!doc.has(key)) {
                problems.add("$." + key + ": is required");
            }
        }
        for (String key : List.of("version", "id", "name", "status", "tenant", "dataProduct", "domain",
                "slaDefaultElement", "contractCreatedTs")) {
            string(doc, key, "$");
        }
        if (string(doc, "apiVersion", "$") && !API_VERSIONS.contains(doc.get("apiVersion").asText())) {
            problems.add("$.apiVersion: '" + doc.get("apiVersion").asText() + "' is not one of " + API_VERSIONS);
        }
        if (string(doc, "kind", "$") && !"DataContract".equals(doc.get("kind").asText())) {
            problems.add("$.kind: must be 'DataContract', found '" + doc.get("kind").asText() + "'");
        }
        stringArray(doc, "tags", "$");
        for (String key : List.of("servers", "roles", "authoritativeDefinitions", "customProperties")) {
            array(doc, key, "$");
        }
        for (String key : List.of("description", "price")) {
            object(doc, key, "$");
        }
        if (array(doc, "schema", "$")) {
            each(doc.get("schema"), "$.schema", this::schemaObject);
        }
        if (array(doc, "slaProperties", "$")) {
            each(doc.get("slaProperties"), "$.slaProperties", this::slaProperty);
        }
    }

    private void schemaObject(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return;
        }
        unknownKeys(node, path, OBJECT_KEYS);
        requiredString(node, "name", path);
        string(node, "physicalName", path);
        if (string(node, "logicalType", path) && !"object".equals(node.get("logicalType").asText())) {
            problems.add(path + ".logicalType: a schema object's logicalType must be 'object', found '"
                    + node.get("logicalType").asText() + "'");
        }
        if (array(node, "properties", path)) {
            each(node.get("properties"), path + ".properties", this::property);
        }
        array(node, "quality", path);
    }

    private void property(JsonNode node, String path) {
        property(node, path, false);
    }

    /** A property, or the {@code items} of an array property: these have no name, and may have properties. */
    private void property(JsonNode node, String path, boolean items) {
        if (!isObject(node, path)) {
            return;
        }
        LogicalType type = null;
        if (string(node, "logicalType", path)) {
            String value = node.get("logicalType").asText();
            type = LogicalType.fromOdcs(value).orElse(null);
            if (type == null) {
                problems.add(path + ".logicalType: '" + value + "' is not one of " + LogicalType.odcsNames());
            }
        }
        Set<String> allowed = PROPERTY_KEYS;
        if (type == LogicalType.OBJECT || items) {
            allowed = union(allowed, Set.of("properties"));
        }
        if (type == LogicalType.ARRAY) {
            allowed = union(allowed, Set.of("items"));
        }
        unknownKeys(node, path, allowed);
        if (items) {
            string(node, "name", path);
        } else {
            requiredString(node, "name", path);
        }
        for (String key : List.of("physicalName", "physicalType", "businessName", "classification", "transformLogic")) {
            string(node, key, path);
        }
        for (String key : List.of("required", "primaryKey", "unique", "partitioned", "criticalDataElement")) {
            bool(node, key, path);
        }
        for (String key : List.of("primaryKeyPosition", "partitionKeyPosition")) {
            integer(node, key, path);
        }
        if (object(node, "logicalTypeOptions", path) && type != null) {
            unknownKeys(node.get("logicalTypeOptions"), path + ".logicalTypeOptions", OPTIONS_BY_TYPE.get(type));
        }
        if (array(node, "properties", path)) {
            each(node.get("properties"), path + ".properties", this::property);
        }
        if (node.has("items")) {
            property(node.get("items"), path + ".items", true);
        }
        array(node, "quality", path);
    }

    private void slaProperty(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return;
        }
        unknownKeys(node, path, SLA_KEYS);
        requiredString(node, "property", path);
        if (!node.has("value")) {
            problems.add(path + ".value: is required");
        } else if (node.get("value").isContainerNode()) {
            problems.add(path + ".value: must be a string, number, boolean or null, found " + kind(node.get("value")));
        }
        for (String key : List.of("unit", "element", "driver", "description", "scheduler", "schedule")) {
            string(node, key, path);
        }
    }

    private void each(JsonNode array, String path, ElementCheck check) {
        for (int i = 0; i < array.size(); i++) {
            check.apply(array.get(i), path + "[" + i + "]");
        }
    }

    private void unknownKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(path + "." + name + ": is not a property ODCS defines here");
            }
        }
    }

    private void requiredString(JsonNode node, String key, String path) {
        if (!node.has(key)) {
            problems.add(path + "." + key + ": is required");
        } else {
            string(node, key, path);
        }
    }

    private boolean string(JsonNode node, String key, String path) {
        return typed(node, key, path, JsonNode::isTextual, "a string");
    }

    private boolean bool(JsonNode node, String key, String path) {
        return typed(node, key, path, JsonNode::isBoolean, "a boolean");
    }

    private boolean integer(JsonNode node, String key, String path) {
        return typed(node, key, path, JsonNode::isIntegralNumber, "an integer");
    }

    private boolean array(JsonNode node, String key, String path) {
        return typed(node, key, path, JsonNode::isArray, "an array");
    }

    private boolean object(JsonNode node, String key, String path) {
        return typed(node, key, path, JsonNode::isObject, "an object");
    }

    private void stringArray(JsonNode node, String key, String path) {
        if (array(node, key, path)) {
            each(node.get(key), path + "." + key, (item, itemPath) -> {
                if (!item.isTextual()) {
                    problems.add(itemPath + ": must be a string, found " + kind(item));
                }
            });
        }
    }

    private boolean isObject(JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(path + ": must be an object, found " + kind(node));
            return false;
        }
        return true;
    }

    /** True when the key is present and of the expected type; a problem is recorded when present and wrong. */
    private boolean typed(JsonNode node, String key, String path, java.util.function.Predicate<JsonNode> test,
            String expected) {
        JsonNode value = node.get(key);
        if (value == null) {
            return false;
        }
        if (!test.test(value)) {
            problems.add(path + "." + key + ": must be " + expected + ", found " + kind(value));
            return false;
        }
        return true;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    @FunctionalInterface
    private interface ElementCheck {
        void apply(JsonNode node, String path);
    }
}
