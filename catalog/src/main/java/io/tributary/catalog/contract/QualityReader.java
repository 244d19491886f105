package io.tributary.catalog.contract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.tributary.catalog.curated.NumericLimits;

/**
 * Reads an ODCS {@code quality} array into {@link QualityRule}s, after the standard's {@code DataQuality} definition:
 * the keys each type of rule may have, the library metrics and where they apply (property or schema object), the
 * operators and their operands, and the arguments of each metric. Every problem is reported with its JSON path.
 */
final class QualityReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Set<String> COMMON_KEYS = Set.of("id", "authoritativeDefinitions", "businessImpact",
            "customProperties", "description", "dimension", "method", "name", "schedule", "scheduler", "severity",
            "tags", "type", "unit");
    private static final List<String> OPERATORS = Arrays.stream(QualityRule.Operator.values())
            .map(QualityRule.Operator::odcsName).toList();
    private static final Set<String> LIBRARY_KEYS = union(COMMON_KEYS, Set.of("metric", "rule", "arguments"),
            Set.copyOf(OPERATORS));
    private static final Set<String> SQL_KEYS = union(COMMON_KEYS, Set.of("query"), Set.copyOf(OPERATORS));
    private static final Set<String> CUSTOM_KEYS = union(COMMON_KEYS, Set.of("engine", "implementation"), Set.of());
    /** The dimensions of the JSON Schema, and the synonyms the standard's text allows. */
    private static final List<String> DIMENSIONS = List.of("accuracy", "completeness", "conformity", "consistency",
            "coverage", "timeliness", "uniqueness", "ac", "cp", "cf", "cs", "cv", "tm", "uq");

    private final List<String> problems;

    private QualityReader(List<String> problems) {
        this.problems = problems;
    }

    /**
     * Reads the rules of a property of {@code type}, or of a schema object when {@code type} is null; problems are
     * added to {@code problems}.
     */
    static List<QualityRule> read(JsonNode quality, String path, LogicalType type, List<String> problems) {
        if (quality == null || !quality.isArray()) {
            return List.of();
        }
        QualityReader reader = new QualityReader(problems);
        List<QualityRule> rules = new ArrayList<>();
        for (int i = 0; i < quality.size(); i++) {
            QualityRule rule = reader.rule(quality.get(i), path + "[" + i + "]", type);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    private QualityRule rule(JsonNode node, String path, LogicalType propertyType) {
        if (!node.isObject()) {
            problems.add(path + ": a quality rule must be an object, found " + kind(node));
            return null;
        }
        int before = problems.size();
        QualityRule.Type type = type(node, path);
        if (type == null) {
            return null;
        }
        unknownKeys(node, path, switch (type) {
            case LIBRARY -> LIBRARY_KEYS;
            case SQL -> SQL_KEYS;
            case CUSTOM -> CUSTOM_KEYS;
            case TEXT -> COMMON_KEYS;
        }, type);
        for (String key : List.of("id", "name", "description", "businessImpact", "method", "schedule", "scheduler",
                "severity", "unit")) {
            string(node, key, path);
        }
        if (string(node, "dimension", path) && !DIMENSIONS.contains(node.get("dimension").asText())) {
            problems.add(path + ".dimension: '" + node.get("dimension").asText() + "' is not one of "
                    + DIMENSIONS.subList(0, 7));
        }
        if (array(node, "tags", path)) {
            JsonNode tags = node.get("tags");
            for (int i = 0; i < tags.size(); i++) {
                if (!tags.get(i).isTextual()) {
                    problems.add(path + ".tags[" + i + "]: must be a string, found " + kind(tags.get(i)));
                }
            }
        }
        array(node, "authoritativeDefinitions", path);
        array(node, "customProperties", path);

        QualityRule.Metric metric = null;
        List<QualityRule.Condition> conditions = List.of();
        List<String> validValues = List.of();
        String pattern = null;
        List<String> missingValues = List.of();
        switch (type) {
            case LIBRARY -> {
                metric = metric(node, path, propertyType != null);
                conditions = conditions(node, path, true, true);
                JsonNode arguments = node.get("arguments");
                if (arguments != null && !arguments.isObject()) {
                    problems.add(path + ".arguments: must be an object, found " + kind(arguments));
                    arguments = null;
                }
                if (metric != null) {
                    String at = path + ".arguments";
                    switch (metric) {
                        case NULL_VALUES, ROW_COUNT -> unknownArguments(arguments, at, metric, Set.of());
                        case DUPLICATE_VALUES -> {
                            if (propertyType == null) {
                                unknownArguments(arguments, at, metric, Set.of("properties"));
                                if (arguments != null && arguments.has("properties")) {
                                    stringList(arguments.get("properties"), at + ".properties");
                                }
                            } else {
                                unknownArguments(arguments, at, metric, Set.of());
                            }
                        }
                        case MISSING_VALUES -> {
                            unknownArguments(arguments, at, metric, Set.of("missingValues"));
                            if (arguments != null && arguments.has("missingValues")) {
                                missingValues = missingValues(arguments.get("missingValues"), at + ".missingValues");
                            }
                        }
                        case INVALID_VALUES -> {
                            unknownArguments(arguments, at, metric, Set.of("validValues", "pattern"));
                            if (arguments == null || (!arguments.has("validValues") && !arguments.has("pattern"))) {
                                problems.add(at + ": invalidValues needs validValues (a list of the valid values) or"
                                        + " pattern (a regular expression valid values match)");
                            } else {
                                if (arguments.has("validValues")) {
                                    validValues = validValues(arguments.get("validValues"), at + ".validValues",
                                            propertyType);
                                }
                                if (TypeOptions.pattern(arguments.get("pattern"), at + ".pattern", problems) != null) {
                                    pattern = arguments.get("pattern").asText();
                                }
                            }
                        }
                    }
                }
            }
            case SQL -> {
                requiredString(node, "query", path);
                conditions = conditions(node, path, true, false);
            }
            case CUSTOM -> {
                requiredString(node, "engine", path);
                JsonNode implementation = node.get("implementation");
                if (implementation == null) {
                    problems.add(path + ".implementation: is required for a custom rule");
                } else if (!implementation.isTextual() && !implementation.isObject()) {
                    problems.add(path + ".implementation: must be a string or an object, found " + kind(implementation));
                }
            }
            case TEXT -> {
                // a description for people; nothing to measure
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String name = node.has("name") ? node.get("name").asText() : node.has("id") ? node.get("id").asText() : null;
        return new QualityRule(name, type, metric, conditions,
                node.has("unit") ? node.get("unit").asText() : "rows",
                node.has("severity") ? node.get("severity").asText() : null,
                validValues, pattern, missingValues, JSON.convertValue(node, MAP));
    }

    /** The rule's type; library when omitted and a metric is named, else text (a rule that only describes). */
    private QualityRule.Type type(JsonNode node, String path) {
        JsonNode type = node.get("type");
        if (type == null) {
            return node.has("metric") || node.has("rule") ? QualityRule.Type.LIBRARY : QualityRule.Type.TEXT;
        }
        if (!type.isTextual()) {
            problems.add(path + ".type: must be a string, found " + kind(type));
            return null;
        }
        return QualityRule.Type.fromOdcs(type.asText()).orElseGet(() -> {
            problems.add(path + ".type: '" + type.asText() + "' is not one of [text, library, sql, custom]");
            return null;
        });
    }

    private QualityRule.Metric metric(JsonNode node, String path, boolean onProperty) {
        JsonNode metric = node.get("metric");
        String key = "metric";
        if (metric == null && node.has("rule")) {
            metric = node.get("rule");
            key = "rule";
        } else if (metric != null && node.has("rule") && !node.get("rule").equals(metric)) {
            problems.add(path + ".rule: deprecated and differs from metric; give metric only");
        }
        if (metric == null) {
            problems.add(path + ".metric: is required for a library rule, one of " + QualityRule.Metric.odcsNames());
            return null;
        }
        if (!metric.isTextual()) {
            problems.add(path + "." + key + ": must be a string, found " + kind(metric));
            return null;
        }
        QualityRule.Metric found = QualityRule.Metric.fromOdcs(metric.asText()).orElse(null);
        if (found == null) {
            problems.add(path + "." + key + ": '" + metric.asText() + "' is not one of " + QualityRule.Metric.odcsNames());
            return null;
        }
        if (found == QualityRule.Metric.ROW_COUNT && onProperty) {
            problems.add(path + "." + key + ": rowCount counts the rows of a schema object; declare it in the object's"
                    + " quality, not a property's");
            return null;
        }
        if (!onProperty && (found == QualityRule.Metric.NULL_VALUES || found == QualityRule.Metric.MISSING_VALUES
                || found == QualityRule.Metric.INVALID_VALUES)) {
            problems.add(path + "." + key + ": " + found.odcsName() + " measures one property; declare it in the"
                    + " property's quality, not the schema object's");
            return null;
        }
        return found;
    }

    /** The operators given; library and sql rules need at least one, and several must all hold. */
    private List<QualityRule.Condition> conditions(JsonNode node, String path, boolean required, boolean numeric) {
        List<QualityRule.Condition> conditions = new ArrayList<>();
        for (QualityRule.Operator operator : QualityRule.Operator.values()) {
            JsonNode operand = node.get(operator.odcsName());
            if (operand == null) {
                continue;
            }
            String at = path + "." + operator.odcsName();
            if (operator.takesRange()) {
                if (!operand.isArray() || operand.size() != 2 || !operand.get(0).isNumber()
                        || !operand.get(1).isNumber()) {
                    problems.add(at + ": must be a list of two numbers, the smaller first, found " + operand);
                } else if (operand.get(0).decimalValue().compareTo(operand.get(1).decimalValue()) >= 0) {
                    problems.add(at + ": the first number must be smaller than the second, found " + operand);
                } else {
                    conditions.add(new QualityRule.Condition(operator,
                            List.of(operand.get(0).decimalValue(), operand.get(1).decimalValue())));
                }
            } else if (operand.isNumber()) {
                conditions.add(new QualityRule.Condition(operator, operand.decimalValue()));
            } else if (!numeric && (operator == QualityRule.Operator.MUST_BE
                    || operator == QualityRule.Operator.MUST_NOT_BE) && (operand.isBoolean() || operand.isTextual())) {
                conditions.add(new QualityRule.Condition(operator, operand.isBoolean()
                        ? operand.booleanValue()
                        : operand.asText()));
            } else {
                problems.add(at + ": must be a number, found " + operand);
            }
        }
        if (required && conditions.isEmpty() && OPERATORS.stream().noneMatch(node::has)) {
            problems.add(path + ": needs an operator saying what the measure must be, one of " + OPERATORS);
        }
        return conditions;
    }

    private List<String> missingValues(JsonNode list, String path) {
        if (!list.isArray()) {
            problems.add(path + ": must be a list of the values that count as missing, found " + kind(list));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (item.isNull()) {
                continue;
            }
            if (!item.isValueNode()) {
                problems.add(path + "[" + i + "]: must be a string, a number or null, found " + kind(item));
            } else {
                texts.add(item.asText());
            }
        }
        return texts;
    }

    /** Each valid value as text a value of the property's type can be compared with. */
    private List<String> validValues(JsonNode list, String path, LogicalType type) {
        if (!list.isArray() || list.isEmpty()) {
            problems.add(path + ": must be a non-empty list of the valid values, found " + list);
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = path + "[" + i + "]";
            if (!item.isValueNode() || item.isNull()) {
                problems.add(at + ": must be a string, a number or a boolean, found " + kind(item));
                continue;
            }
            String text = validValue(item, at, type);
            if (text != null && seen.add(text)) {
                texts.add(text);
            }
        }
        return texts;
    }

    private String validValue(JsonNode item, String at, LogicalType type) {
        String text = item.asText();
        switch (type) {
            case INTEGER -> {
                BigDecimal number = decimal(item);
                if (number == null || number.stripTrailingZeros().scale() > 0) {
                    problems.add(at + ": must be an integer, as the property is, found " + item);
                    return null;
                }
                try {
                    return Long.toString(number.longValueExact());
                } catch (ArithmeticException e) {
                    problems.add(at + ": " + item + " is out of the range of a 64-bit integer");
                    return null;
                }
            }
            case NUMBER -> {
                BigDecimal number = decimal(item);
                if (number == null) {
                    problems.add(at + ": must be a number, as the property is, found " + item);
                    return null;
                }
                String why = NumericLimits.whyNot(number);
                if (why != null) {
                    problems.add(at + ": " + number + " cannot be a valid value: " + why);
                    return null;
                }
                return number.toPlainString();
            }
            case BOOLEAN -> {
                String lower = text.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    problems.add(at + ": must be true or false, as the property is boolean, found " + item);
                    return null;
                }
                return lower;
            }
            case DATE, TIME, TIMESTAMP -> {
                try {
                    if (!item.isTextual()) {
                        throw new DateTimeException("not text");
                    }
                    IsoTemporal.of(type, text, ZoneOffset.UTC);
                    return text;
                } catch (DateTimeException e) {
                    problems.add(at + ": must be an ISO " + type.odcsName() + " (such as "
                            + (type == LogicalType.DATE
                                    ? "2024-03-10"
                                    : type == LogicalType.TIME
                                            ? "09:30:00"
                                            : "2024-03-10T09:30:00Z")
                            + "), as the property is a " + type.odcsName() + ", found " + item);
                    return null;
                }
            }
            default -> {
                return text;
            }
        }
    }

    private static BigDecimal decimal(JsonNode item) {
        if (item.isNumber()) {
            return item.decimalValue();
        }
        if (item.isTextual()) {
            try {
                return new BigDecimal(item.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private void stringList(JsonNode list, String path) {
        if (!list.isArray() || list.isEmpty()) {
            problems.add(path + ": must be a non-empty list of property names, found " + list);
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                problems.add(path + "[" + i + "]: must be a property name, found " + kind(list.get(i)));
            }
        }
    }

    private void unknownArguments(JsonNode arguments, String path, QualityRule.Metric metric, Set<String> allowed) {
        if (arguments == null) {
            return;
        }
        for (Iterator<String> names = arguments.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(path + "." + name + ": is not an argument of " + metric.odcsName()
                        + (allowed.isEmpty()
                                ? ", which takes none here"
                                : ", which takes " + allowed.stream().sorted()
                                        .toList()));
            }
        }
    }

    private void unknownKeys(JsonNode node, String path, Set<String> allowed, QualityRule.Type type) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(path + "." + name + ": is not a property ODCS defines for a " + type.odcsName() + " rule");
            }
        }
    }

    private void requiredString(JsonNode node, String key, String path) {
        if (!node.has(key)) {
            problems.add(path + "." + key + ": is required for a " + node.path("type").asText() + " rule");
        } else {
            string(node, key, path);
        }
    }

    private boolean string(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null) {
            return false;
        }
        if (!value.isTextual()) {
            problems.add(path + "." + key + ": must be a string, found " + kind(value));
            return false;
        }
        return true;
    }

    private boolean array(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null) {
            return false;
        }
        if (!value.isArray()) {
            problems.add(path + "." + key + ": must be an array, found " + kind(value));
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
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
