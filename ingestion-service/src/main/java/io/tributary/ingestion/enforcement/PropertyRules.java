package io.tributary.ingestion.enforcement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.IntegerFormat;
import io.tributary.catalog.contract.IsoTemporal;
import io.tributary.catalog.contract.LogicalType;
import io.tributary.catalog.contract.QualityRule;
import io.tributary.ingestion.parsing.RowFields;
import io.tributary.ingestion.parsing.TextColumns;

/**
 * Everything one property checks, worked out once per enforcer: what counts as missing and whether a value is
 * needed, the parser, and the limits of its {@code logicalTypeOptions} and per-record quality rules as ready-made
 * checks (compiled patterns with a reusable matcher, limits as longs, decimals or temporals, valid values as a set).
 * Checking a value allocates nothing unless it fails. Not thread-safe: the matchers are reused.
 *
 * <p>
 * The rule names of the violations, in the order they are checked:
 * <ul>
 * <li>{@code required} (required or primary key), {@code nullValues}, {@code missingValues}: a value is needed and the
 * field is absent, null, blank or one of the property's missing texts;</li>
 * <li>{@code logicalType}: the text is not of the type;</li>
 * <li>{@code text.nul}, {@code text.surrogate}, {@code store.numeric}, {@code store.date}, {@code store.timestamp}:
 * the curated store cannot hold the value ({@link StoreLimits});</li>
 * <li>{@code format}: an integer outside the range of its {@code format} (i8 ... u128);</li>
 * <li>{@code minimum}, {@code exclusiveMinimum}, {@code maximum}, {@code exclusiveMaximum}: integers, numbers,
 * dates, times and timestamps;</li>
 * <li>{@code multipleOf}: integers and numbers, in exact decimal arithmetic;</li>
 * <li>{@code minLength}, {@code maxLength} (in Unicode code points), {@code pattern}: strings;</li>
 * <li>{@code invalidValues.validValues} (an enumeration) and {@code invalidValues.pattern}: per-record
 * {@code invalidValues} quality rules, in the order the contract gives them.</li>
 * </ul>
 * Patterns are RE2 regular expressions (RE2/J: Java's syntax without backreferences and lookaround) that must be found
 * in the value, as JSON Schema's {@code pattern}; anchor them ({@code ^...$}) to match the whole value. They run in time
 * linear in the value's length, so no value can make one backtrack for ever.
 */
final class PropertyRules {

    /** One limit on a parsed value; returns the violation, or null when the value is within it. */
    interface ValueCheck {
        Violation check(Object value, String text);
    }

    final ContractProperty property;
    final String name;
    final ValueParser parser;
    private final String column;
    private final String[] missingTexts;
    private final String requiredRule;
    private final String requiredBy;
    private final ValueCheck[] checks;
    /** Whether a present value needs nothing but its type: no missing texts to compare, no limits to check. */
    private final boolean typeOnly;

    PropertyRules(ContractProperty property, ZoneId zone) {
        this.property = property;
        this.name = property.name();
        this.column = "'" + property.sourceName() + "'";
        this.parser = new ValueParser(property, zone);
        this.missingTexts = property.missingTexts().toArray(String[]::new);
        List<QualityRule> perRecord = property.perRecordQuality();
        QualityRule nullValues = first(perRecord, QualityRule.Metric.NULL_VALUES);
        QualityRule missingValues = first(perRecord, QualityRule.Metric.MISSING_VALUES);
        if (property.required() || property.primaryKey()) {
            requiredRule = "required";
            requiredBy = " is required";
        } else if (nullValues != null) {
            requiredRule = "nullValues";
            requiredBy = " must not be null (quality rule " + nullValues.label() + ")";
        } else if (missingValues != null) {
            requiredRule = "missingValues";
            requiredBy = " must not be missing (quality rule " + missingValues.label() + ")";
        } else {
            requiredRule = null;
            requiredBy = null;
        }
        List<ValueCheck> list = new ArrayList<>();
        typeOptionChecks(property, zone, list);
        for (QualityRule rule : perRecord) {
            if (rule.metric() == QualityRule.Metric.INVALID_VALUES) {
                if (!rule.validValues().isEmpty()) {
                    list.add(validValues(rule, zone));
                }
                if (rule.pattern() != null) {
                    list.add(pattern("invalidValues.pattern", rule.pattern(),
                            " (quality rule " + rule.label() + ")"));
                }
            }
        }
        this.checks = list.toArray(ValueCheck[]::new);
        this.typeOnly = missingTexts.length == 0 && checks.length == 0;
    }

    /**
     * The value of a field of a row held as ASCII bytes, read without making its text, when that is all there is to it:
     * the field is present (its first byte is no space or control char, so it is not blank), of a plain form of its
     * type, and the property checks nothing else. For a string, the row itself: the text stays in it. Null otherwise:
     * the field is then checked from its text.
     */
    Object valueOfAscii(RowFields row, int column) {
        byte[] bytes = row.bytes();
        int from = row.from(column);
        int to = row.to(column);
        if (!typeOnly || from == to || bytes[from] <= ' ') {
            return null;
        }
        return parser.isText() ? row : parser.outputOfAscii(bytes, from, to);
    }

    /** Whether the text counts as missing: absent, null, blank, or one of the property's missing texts. */
    boolean isMissing(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        if (missingTexts.length == 0) {
            return false;
        }
        String stripped = text.strip();
        for (String missing : missingTexts) {
            if (missing.equals(stripped)) {
                return true;
            }
        }
        return false;
    }

    /** The violation of a missing value, or null when the property may be null. */
    Violation missing(String text) {
        if (requiredRule == null) {
            return null;
        }
        String how = text == null || text.isBlank() ? " and is empty" : " and '" + text.strip() + "' counts as missing";
        return new Violation(name, requiredRule, text, column + requiredBy + how);
    }

    /**
     * Why the curated store cannot hold the parsed value ({@link StoreLimits}), or null when it can. A text value is
     * looked at only when {@code scanText}: text decoded from bytes holds nothing a text column cannot.
     */
    Violation unstorable(Object value, String text, boolean scanText) {
        if (parser.isText()) {
            int at = scanText ? TextColumns.firstUnstorable(text) : -1;
            if (at < 0) {
                return null;
            }
            char c = text.charAt(at);
            return c == '\u0000'
                    ? new Violation(name, "text.nul", text, column + " holds the NUL character (U+0000) at character "
                            + (at + 1) + ", which no text column can hold")
                    : new Violation(name, "text.surrogate", text, column + " holds half a surrogate pair ("
                            + String.format("\\u%04x", (int) c) + ") at character " + (at + 1)
                            + ", which is not a character: no text column can hold it");
        }
        String why = StoreLimits.value(value);
        if (why == null) {
            return null;
        }
        String rule = switch (property.logicalType()) {
            case DATE -> "store.date";
            case TIMESTAMP -> "store.timestamp";
            default -> "store.numeric";
        };
        return new Violation(name, rule, text, column + ": '" + text.strip() + "' cannot be stored: " + why);
    }

    /** The first limit the parsed value breaks, or null. */
    Violation check(Object value, String text) {
        for (ValueCheck check : checks) {
            Violation violation = check.check(value, text);
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    private void typeOptionChecks(ContractProperty property, ZoneId zone, List<ValueCheck> list) {
        Map<String, Object> options = property.logicalTypeOptions();
        switch (property.logicalType()) {
            case INTEGER -> {
                property.format().flatMap(IntegerFormat::fromOdcs).ifPresent(f -> {
                    String reason = column + " must fit the integer format " + f.odcsName() + " ("
                            + f.minimum().toPlainString() + " to " + f.maximum().toPlainString() + ")";
                    list.add(integerBound("format", f.minimum(), true, true, reason));
                    list.add(integerBound("format", f.maximum(), false, true, reason));
                });
                numericBound(options, "minimum", true, true, " must be at least ", list, true);
                numericBound(options, "exclusiveMinimum", true, false, " must be greater than ", list, true);
                numericBound(options, "maximum", false, true, " must be at most ", list, true);
                numericBound(options, "exclusiveMaximum", false, false, " must be less than ", list, true);
                BigDecimal multipleOf = decimal(options, "multipleOf");
                if (multipleOf != null) {
                    list.add(multipleOf(multipleOf, true));
                }
            }
            case NUMBER -> {
                numericBound(options, "minimum", true, true, " must be at least ", list, false);
                numericBound(options, "exclusiveMinimum", true, false, " must be greater than ", list, false);
                numericBound(options, "maximum", false, true, " must be at most ", list, false);
                numericBound(options, "exclusiveMaximum", false, false, " must be less than ", list, false);
                BigDecimal multipleOf = decimal(options, "multipleOf");
                if (multipleOf != null) {
                    list.add(multipleOf(multipleOf, false));
                }
            }
            case DATE, TIME, TIMESTAMP -> {
                boolean date = property.logicalType() == LogicalType.DATE;
                temporalBound(options, "minimum", true, true, date ? " must be on or after " : " must be at or after ",
                        zone, list);
                temporalBound(options, "exclusiveMinimum", true, false, " must be after ", zone, list);
                temporalBound(options, "maximum", false, true,
                        date ? " must be on or before " : " must be at or before ", zone, list);
                temporalBound(options, "exclusiveMaximum", false, false, " must be before ", zone, list);
            }
            case STRING -> {
                Object min = options.get("minLength");
                Object max = options.get("maxLength");
                if (min != null) {
                    list.add(minLength(new BigDecimal(min.toString()).longValueExact()));
                }
                if (max != null) {
                    list.add(maxLength(new BigDecimal(max.toString()).longValueExact()));
                }
                Object pattern = options.get("pattern");
                if (pattern != null) {
                    list.add(pattern("pattern", pattern.toString(), ""));
                }
            }
            default -> {
                // booleans, objects and arrays: no limits are enforced on a record's text
            }
        }
    }

    private void numericBound(Map<String, Object> options, String rule, boolean lower, boolean inclusive, String words,
            List<ValueCheck> list, boolean integer) {
        BigDecimal limit = decimal(options, rule);
        if (limit == null) {
            return;
        }
        String reason = column + words + limit.toPlainString();
        list.add(integer
                ? integerBound(rule, limit, lower, inclusive, reason)
                : decimalBound(rule, limit, lower, inclusive, reason));
    }

    /**
     * An integer limit as the inclusive long it amounts to (minimum 0.5 is at least 1, exclusiveMaximum 10 is at most
     * 9), so that checking a value is a comparison of longs.
     */
    private ValueCheck integerBound(String rule, BigDecimal limit, boolean lower, boolean inclusive, String reason) {
        BigDecimal bound;
        if (lower) {
            bound = inclusive
                    ? limit.setScale(0, RoundingMode.CEILING)
                    : limit.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        } else {
            bound = inclusive
                    ? limit.setScale(0, RoundingMode.FLOOR)
                    : limit.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
        }
        boolean none = lower
                ? bound.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                : bound.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0;
        long at = bound.max(BigDecimal.valueOf(Long.MIN_VALUE)).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
        return (value, text) -> {
            long v = (Long) value;
            boolean within = !none && (lower ? v >= at : v <= at);
            return within ? null : new Violation(name, rule, text, reason);
        };
    }

    private ValueCheck decimalBound(String rule, BigDecimal limit, boolean lower, boolean inclusive, String reason) {
        return (value, text) -> {
            int c = ((BigDecimal) value).compareTo(limit);
            boolean within = lower ? (inclusive ? c >= 0 : c > 0) : (inclusive ? c <= 0 : c < 0);
            return within ? null : new Violation(name, rule, text, reason);
        };
    }

    private ValueCheck multipleOf(BigDecimal divisor, boolean integer) {
        String reason = column + " must be a multiple of " + divisor.toPlainString();
        boolean longDivisor = integer && divisor.stripTrailingZeros().scale() <= 0
                && divisor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        if (longDivisor) {
            long d = divisor.longValueExact();
            return (value, text) -> (Long) value % d == 0 ? null : new Violation(name, "multipleOf", text, reason);
        }
        return (value, text) -> {
            BigDecimal v = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
            return v.remainder(divisor).signum() == 0 ? null : new Violation(name, "multipleOf", text, reason);
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void temporalBound(Map<String, Object> options, String rule, boolean lower, boolean inclusive, String words,
            ZoneId zone, List<ValueCheck> list) {
        Object given = options.get(rule);
        if (given == null) {
            return;
        }
        String written = given.toString();
        Comparable limit = temporal(property.logicalType(), written, zone, "logicalTypeOptions." + rule);
        String shown = limit instanceof Instant && !written.strip().equals(limit.toString())
                ? written.strip() + " (" + limit + ")"
                : written.strip();
        String reason = column + words + shown;
        list.add((value, text) -> {
            int c = limit.compareTo(value);
            // c is the limit against the value: a lower limit must not be above it, an upper one not below
            boolean within = lower ? (inclusive ? c <= 0 : c < 0) : (inclusive ? c >= 0 : c > 0);
            return within ? null : new Violation(name, rule, text, reason);
        });
    }

    private ValueCheck minLength(long min) {
        String reason = column + " must be at least " + min + " characters long";
        return (value, text) -> {
            String s = (String) value;
            // a string of n chars has at most n code points, and a short one cannot be long enough
            if (s.length() < min || s.codePointCount(0, s.length()) < min) {
                return new Violation(name, "minLength", text, reason + "; it has " + s.codePointCount(0, s.length()));
            }
            return null;
        };
    }

    private ValueCheck maxLength(long max) {
        String reason = column + " must be at most " + max + " characters long";
        return (value, text) -> {
            String s = (String) value;
            if (s.length() > max && s.codePointCount(0, s.length()) > max) {
                return new Violation(name, "maxLength", text, reason + "; it has " + s.codePointCount(0, s.length()));
            }
            return null;
        };
    }

    private ValueCheck pattern(String rule, String regex, String source) {
        Matcher matcher;
        try {
            matcher = Pattern.compile(regex).matcher("");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("property '" + name + "': '" + regex
                    + "' is not a regular expression: " + e.getDescription(), e);
        }
        String reason = column + " must match the pattern " + regex + source;
        // the text as the source wrote it: for a string the value itself, for other types what the pattern describes
        return (value, text) -> matcher.reset(text).find() ? null : new Violation(name, rule, text, reason);
    }

    /** An enumeration: the parsed value is compared with each valid value read as the property's type. */
    private ValueCheck validValues(QualityRule rule, ZoneId zone) {
        LogicalType type = property.logicalType();
        Set<Object> valid = type == LogicalType.NUMBER
                ? new TreeSet<>(Comparator.comparing(o -> (BigDecimal) o))
                : new HashSet<>();
        for (String text : rule.validValues()) {
            valid.add(switch (type) {
                case INTEGER -> Long.valueOf(new BigDecimal(text.strip()).longValueExact());
                case NUMBER -> new BigDecimal(text.strip());
                case BOOLEAN -> Boolean.valueOf(text.strip());
                case DATE, TIME, TIMESTAMP -> temporal(type, text, zone, "validValues");
                default -> text;
            });
        }
        List<String> shown = rule.validValues().size() <= 12
                ? rule.validValues()
                : rule.validValues().subList(0, 12);
        String reason = column + " must be one of " + shown
                + (shown.size() < rule.validValues().size()
                        ? " and " + (rule.validValues().size() - shown.size())
                                + " more"
                        : "")
                + " (quality rule " + rule.label() + ")";
        return (value, text) -> valid.contains(value)
                ? null
                : new Violation(name, "invalidValues.validValues", text, reason);
    }

    private Comparable<?> temporal(LogicalType type, String text, ZoneId zone, String where) {
        try {
            return IsoTemporal.of(type, text, zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("property '" + name + "': " + where + " '" + text + "' is not an ISO "
                    + type.odcsName(), e);
        }
    }

    private static BigDecimal decimal(Map<String, Object> options, String key) {
        Object value = options.get(key);
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static QualityRule first(List<QualityRule> rules, QualityRule.Metric metric) {
        return rules.stream().filter(r -> r.metric() == metric).findFirst().orElse(null);
    }
}
