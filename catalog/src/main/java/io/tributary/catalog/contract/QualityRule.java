package io.tributary.catalog.contract;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of an ODCS {@code quality} array, on a property or on a schema object.
 *
 * <p>
 * A library metric counts the bad values of a whole dataset ({@code nullValues}, {@code missingValues},
 * {@code invalidValues}, {@code duplicateValues}, {@code rowCount}) and its {@link Condition conditions} say how many
 * are tolerated. Only some of them can be decided one record at a time, see {@link #appliesPerRecord()}: a property's
 * {@code nullValues}, {@code missingValues} and {@code invalidValues} whose conditions tolerate no bad value at all
 * (for example {@code mustBe: 0}) and whose severity is not {@code info} or {@code warning}. Every other rule
 * &mdash; {@code rowCount}, {@code duplicateValues}, a threshold such as {@code mustBeLessThan: 5} rows or
 * {@code 1} percent, {@code sql}, {@code custom} and {@code text} rules &mdash; is about the dataset as a whole: it is kept
 * here, as given, for whatever measures datasets, and it is never applied to a single record.
 *
 * <p>
 * Whatever its conditions, a {@code missingValues} rule's {@code arguments.missingValues} define which texts count as
 * missing for its property (see {@link ContractProperty#missingTexts()}).
 *
 * @param name the rule's {@code name}, else its {@code id}, else null
 * @param type the rule's {@code type}; {@link Type#LIBRARY} when omitted
 * @param metric the library metric; null unless {@code type} is library
 * @param conditions the operators given ({@code mustBe: 0} ...), all of which must hold; empty for text and custom
 *        rules
 * @param unit the {@code unit}: {@code rows} (the default) or {@code percent}, or any other unit as given
 * @param severity the {@code severity} as given, or null
 * @param validValues for {@code invalidValues}: the text of each valid value, in the order given; else empty
 * @param pattern for {@code invalidValues}: the regular expression valid values match (anywhere in the value, as in
 *        JSON Schema; anchor it with {@code ^...$}); else null
 * @param missingValues for {@code missingValues}: the texts that count as missing (a JSON null in the list is left
 *        out, since null always counts as missing); else empty
 * @param definition the whole rule as the contract gives it (description, query, engine, implementation, ...)
 */
public record QualityRule(
        String name,
        Type type,
        Metric metric,
        List<Condition> conditions,
        String unit,
        String severity,
        List<String> validValues,
        String pattern,
        List<String> missingValues,
        Map<String, Object> definition) {

    /** One bad record in a batch, as a share: smaller than any share a real batch can produce. */
    private static final BigDecimal ONE_RECORD_SHARE = new BigDecimal("1E-30");

    public QualityRule {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        validValues = validValues == null ? List.of() : List.copyOf(validValues);
        missingValues = missingValues == null ? List.of() : List.copyOf(missingValues);
        definition = definition == null ? Map.of() : definition;
    }

    /** The ODCS {@code type} of a quality rule. */
    public enum Type {
        TEXT,
        LIBRARY,
        SQL,
        CUSTOM;

        public String odcsName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> fromOdcs(String value) {
            return Arrays.stream(values()).filter(t -> t.odcsName().equals(value)).findFirst();
        }
    }

    /** The ODCS v3.1 library metrics. */
    public enum Metric {
        NULL_VALUES("nullValues"),
        MISSING_VALUES("missingValues"),
        INVALID_VALUES("invalidValues"),
        DUPLICATE_VALUES(
                "duplicateValues"),
        ROW_COUNT("rowCount");

        private final String odcsName;

        Metric(String odcsName) {
            this.odcsName = odcsName;
        }

        public String odcsName() {
            return odcsName;
        }

        public static Optional<Metric> fromOdcs(String value) {
            return Arrays.stream(values()).filter(m -> m.odcsName.equals(value)).findFirst();
        }

        public static List<String> odcsNames() {
            return Arrays.stream(values()).map(Metric::odcsName).toList();
        }
    }

    /** The ODCS data quality operators; {@code mustBeBetween} excludes its bounds, as the standard defines it. */
    public enum Operator {
        MUST_BE("mustBe"),
        MUST_NOT_BE("mustNotBe"),
        MUST_BE_GREATER_THAN("mustBeGreaterThan"),
        MUST_BE_GREATER_OR_EQUAL_TO(
                "mustBeGreaterOrEqualTo"),
        MUST_BE_LESS_THAN("mustBeLessThan"),
        MUST_BE_LESS_OR_EQUAL_TO(
                "mustBeLessOrEqualTo"),
        MUST_BE_BETWEEN("mustBeBetween"),
        MUST_NOT_BE_BETWEEN("mustNotBeBetween");

        private final String odcsName;

        Operator(String odcsName) {
            this.odcsName = odcsName;
        }

        public String odcsName() {
            return odcsName;
        }

        public boolean takesRange() {
            return this == MUST_BE_BETWEEN || this == MUST_NOT_BE_BETWEEN;
        }

        public static Optional<Operator> fromOdcs(String value) {
            return Arrays.stream(values()).filter(o -> o.odcsName.equals(value)).findFirst();
        }
    }

    /**
     * One operator and what it compares with.
     *
     * @param operand a {@link BigDecimal}; for {@code mustBeBetween} and {@code mustNotBeBetween} a list of two, the
     *        smaller first; for {@code mustBe} and {@code mustNotBe} of an sql rule possibly a boolean or a string
     */
    public record Condition(Operator operator, Object operand) {

        /** Whether a measured number satisfies this condition; a non-numeric operand is never satisfied by a number. */
        public boolean test(BigDecimal measured) {
            return switch (operator) {
                case MUST_BE -> operand instanceof BigDecimal v && measured.compareTo(v) == 0;
                case MUST_NOT_BE -> !(operand instanceof BigDecimal v) || measured.compareTo(v) != 0;
                case MUST_BE_GREATER_THAN -> measured.compareTo(number()) > 0;
                case MUST_BE_GREATER_OR_EQUAL_TO -> measured.compareTo(number()) >= 0;
                case MUST_BE_LESS_THAN -> measured.compareTo(number()) < 0;
                case MUST_BE_LESS_OR_EQUAL_TO -> measured.compareTo(number()) <= 0;
                case MUST_BE_BETWEEN -> measured.compareTo(range().get(0)) > 0 && measured.compareTo(range().get(1)) < 0;
                case MUST_NOT_BE_BETWEEN -> measured.compareTo(range().get(0)) <= 0
                        || measured.compareTo(range().get(1)) >= 0;
            };
        }

        private BigDecimal number() {
            return (BigDecimal) operand;
        }

        @SuppressWarnings("unchecked")
        private List<BigDecimal> range() {
            return (List<BigDecimal>) operand;
        }
    }

    /** Whether the rule's conditions all hold for a measured value. */
    public boolean holdsFor(BigDecimal measured) {
        for (Condition condition : conditions) {
            if (!condition.test(measured)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the conditions accept no bad value at all: a count of zero passes and a single bad record (one row, or
     * the smallest positive share for {@code unit: percent}) fails. {@code mustBe: 0}, {@code mustBeLessThan: 1} and
     * {@code mustBeLessOrEqualTo: 0} are such conditions; {@code mustBeLessThan: 5} is a threshold on the dataset.
     */
    public boolean toleratesNone() {
        if (conditions.isEmpty()) {
            return false;
        }
        BigDecimal oneBad = "percent".equals(unit) ? ONE_RECORD_SHARE : BigDecimal.ONE;
        return holdsFor(BigDecimal.ZERO) && !holdsFor(oneBad);
    }

    /** False for severity {@code info} and {@code warning}: such a rule reports, it does not reject. */
    public boolean rejects() {
        if (severity == null) {
            return true;
        }
        String s = severity.toLowerCase(Locale.ROOT);
        return !s.equals("info") && !s.equals("warning") && !s.equals("warn");
    }

    /**
     * Whether the rule is decided for each record on its own: a library {@code nullValues}, {@code missingValues} or
     * {@code invalidValues} rule that {@link #toleratesNone() tolerates no bad value} and {@link #rejects() rejects}.
     * Every other rule is about the whole dataset and is not applied per record.
     */
    public boolean appliesPerRecord() {
        return type == Type.LIBRARY
                && (metric == Metric.NULL_VALUES || metric == Metric.MISSING_VALUES || metric == Metric.INVALID_VALUES)
                && toleratesNone() && rejects();
    }

    /** The rule as a reason names it: its name, else its metric or type. */
    public String label() {
        if (name != null) {
            return "'" + name + "'";
        }
        return metric != null ? metric.odcsName() : type.odcsName();
    }
}
