package io.tributary.catalog.contract;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import io.tributary.catalog.curated.NumericLimits;

/**
 * Checks the values of a property's {@code logicalTypeOptions} (the keys were checked by {@link OdcsValidator}): each
 * limit of the type ODCS gives it, patterns that compile, and lower and upper limits that leave some value valid.
 */
final class TypeOptions {

    private static final List<String> NUMBER_FORMATS = List.of("f32", "f64");

    private final String path;
    private final List<String> problems;

    private TypeOptions(String path, List<String> problems) {
        this.path = path;
        this.problems = problems;
    }

    static void check(JsonNode options, LogicalType type, String path, List<String> problems) {
        if (options == null || !options.isObject()) {
            return;
        }
        new TypeOptions(path, problems).check(options, type);
    }

    private void check(JsonNode options, LogicalType type) {
        switch (type) {
            case STRING -> {
                Long min = length(options, "minLength");
                Long max = length(options, "maxLength");
                if (min != null && max != null && min > max) {
                    problems.add(path + ": minLength " + min + " is greater than maxLength " + max
                            + ", so no value can be valid");
                }
                pattern(options.get("pattern"), path + ".pattern", problems);
                text(options, "format");
            }
            case INTEGER, NUMBER -> {
                BigDecimal[] bounds = new BigDecimal[4];
                String[] keys = {"minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"};
                for (int i = 0; i < keys.length; i++) {
                    bounds[i] = number(options, keys[i]);
                }
                BigDecimal multipleOf = number(options, "multipleOf");
                if (multipleOf != null && multipleOf.signum() <= 0) {
                    problems.add(path + ".multipleOf: must be greater than 0, found " + multipleOf.toPlainString());
                }
                checkRange(bounds, keys);
                if (text(options, "format")) {
                    String format = options.get("format").asText();
                    List<String> allowed = type == LogicalType.INTEGER ? IntegerFormat.odcsNames() : NUMBER_FORMATS;
                    if (!allowed.contains(format)) {
                        problems.add(path + ".format: '" + format + "' is not one of " + allowed);
                    }
                }
            }
            case DATE, TIME, TIMESTAMP -> {
                @SuppressWarnings("rawtypes")
                Comparable[] bounds = new Comparable[4];
                String[] keys = {"minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"};
                for (int i = 0; i < keys.length; i++) {
                    bounds[i] = temporal(options, keys[i], type);
                }
                checkRange(bounds, keys);
                if (text(options, "format")) {
                    String format = options.get("format").asText();
                    try {
                        DateTimePatterns.of(format, Locale.ROOT);
                    } catch (IllegalArgumentException e) {
                        problems.add(path + ".format: '" + format + "' is not a date-time pattern: " + e.getMessage());
                    }
                }
                typed(options, "timezone", JsonNode::isBoolean, "a boolean");
                if (text(options, "defaultTimezone")) {
                    String zone = options.get("defaultTimezone").asText();
                    try {
                        ZoneId.of(zone);
                    } catch (DateTimeException e) {
                        problems.add(path + ".defaultTimezone: '" + zone + "' is not a time zone");
                    }
                }
            }
            case OBJECT -> {
                length(options, "minProperties");
                length(options, "maxProperties");
            }
            case ARRAY -> {
                length(options, "minItems");
                length(options, "maxItems");
                typed(options, "uniqueItems", JsonNode::isBoolean, "a boolean");
            }
            case BOOLEAN -> {
                // ODCS gives booleans no options
            }
        }
    }

    /**
     * Checks that a pattern is a string that compiles as an RE2 regular expression (Java's syntax without
     * backreferences and lookaround, matched in time linear in the value's length, whatever the value); returns it, or
     * null.
     */
    static Pattern pattern(JsonNode node, String path, List<String> problems) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(path + ": must be a string, found " + node.getNodeType().name().toLowerCase());
            return null;
        }
        try {
            return Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            problems.add(path + ": '" + node.asText() + "' is not a regular expression of RE2's syntax (no "
                    + "backreferences or lookaround, so that it runs in linear time): " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            return null;
        }
    }

    /** A non-negative integer option, or null when absent or wrong. */
    private Long length(JsonNode options, String key) {
        JsonNode node = options.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            problems.add(path + "." + key + ": must be an integer of 0 or more, found " + node);
            return null;
        }
        return node.asLong();
    }

    private BigDecimal number(JsonNode options, String key) {
        JsonNode node = options.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            problems.add(path + "." + key + ": must be a number, found " + node);
            return null;
        }
        BigDecimal value = node.decimalValue();
        String why = NumericLimits.whyNot(value);
        if (why != null) {
            problems.add(path + "." + key + ": " + value + " cannot be a limit: " + why);
            return null;
        }
        return value;
    }

    private Comparable<?> temporal(JsonNode options, String key, LogicalType type) {
        JsonNode node = options.get(key);
        if (node == null) {
            return null;
        }
        String expected = switch (type) {
            case DATE -> "an ISO date such as 2024-03-10";
            case TIME -> "an ISO time such as 09:30:00";
            default -> "an ISO date-time such as 2024-03-10T09:30:00Z (or a date, or a local date-time read in the"
                    + " source's time zone)";
        };
        if (!node.isTextual()) {
            problems.add(path + "." + key + ": must be " + expected + ", found " + node);
            return null;
        }
        try {
            // A timestamp without an offset is read in the source's zone when enforced; UTC only checks its syntax.
            return IsoTemporal.of(type, node.asText(), ZoneOffset.UTC);
        } catch (DateTimeException e) {
            problems.add(path + "." + key + ": '" + node.asText() + "' is not " + expected);
            return null;
        }
    }

    /** Lower limits (minimum, exclusiveMinimum) against upper ones (maximum, exclusiveMaximum). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void checkRange(Comparable[] bounds, String[] keys) {
        for (int lower = 0; lower < 2; lower++) {
            for (int upper = 2; upper < 4; upper++) {
                if (bounds[lower] == null || bounds[upper] == null) {
                    continue;
                }
                int c = bounds[lower].compareTo(bounds[upper]);
                boolean open = lower == 1 || upper == 3;
                if (c > 0 || (c == 0 && open)) {
                    problems.add(path + ": " + keys[lower] + " " + show(bounds[lower]) + " and " + keys[upper] + " "
                            + show(bounds[upper]) + " leave no valid value");
                }
            }
        }
    }

    private static String show(Object bound) {
        return bound instanceof BigDecimal d ? d.toPlainString() : bound.toString();
    }

    private boolean text(JsonNode options, String key) {
        return typed(options, key, JsonNode::isTextual, "a string");
    }

    private boolean typed(JsonNode options, String key, java.util.function.Predicate<JsonNode> test, String expected) {
        JsonNode node = options.get(key);
        if (node == null) {
            return false;
        }
        if (!test.test(node)) {
            problems.add(path + "." + key + ": must be " + expected + ", found " + node);
            return false;
        }
        return true;
    }
}
