package io.tributary.transform.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.tributary.catalog.contract.LogicalType;
import io.tributary.catalog.curated.NumericLimits;

/** The types a curated column can have, with their PostgreSQL column type and their Java value type. */
public enum FieldType {
    TEXT("text"),
    INTEGER("bigint"),
    DECIMAL("numeric"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamptz");

    /** The digits PostgreSQL's {@code numeric} holds before the decimal point, and after it. */
    private static final long NUMERIC_INTEGER_DIGITS = NumericLimits.INTEGER_DIGITS;
    private static final long NUMERIC_FRACTION_DIGITS = NumericLimits.FRACTION_DIGITS;

    private final String sqlType;

    FieldType(String sqlType) {
        this.sqlType = sqlType;
    }

    public String sqlType() {
        return sqlType;
    }

    /** The name used in pipeline definitions. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public static Optional<FieldType> fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(FieldType::label).toList());
    }

    /** How a contract's logical type is curated; objects, arrays and times of day are kept as their JSON text. */
    public static FieldType of(LogicalType type) {
        return switch (type) {
            case INTEGER -> INTEGER;
            case NUMBER -> DECIMAL;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            case STRING, TIME, OBJECT, ARRAY -> TEXT;
        };
    }

    /**
     * The value as this type's Java type (String, Long, BigDecimal, Boolean, LocalDate, Instant); null stays null.
     *
     * @throws IllegalArgumentException saying why the value is not of this type
     */
    public Object coerce(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (this) {
                case TEXT -> value.toString();
                case INTEGER -> integer(value);
                case DECIMAL -> decimal(value);
                case BOOLEAN -> bool(value);
                case DATE -> value instanceof LocalDate date ? date : LocalDate.parse(text(value));
                case TIMESTAMP -> timestamp(value);
            };
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw notA(value);
        }
    }

    private Object integer(Object value) {
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return decimal(value).longValueExact();
    }

    private static BigDecimal decimal(Object value) {
        BigDecimal decimal = value instanceof BigDecimal d
                ? d
                : value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(value));
        // checked before the zeros are stripped, which takes minutes for a number of hundreds of thousands of digits
        long integerDigits = (long) decimal.precision() - decimal.scale();
        if (integerDigits > NUMERIC_INTEGER_DIGITS) {
            throw new IllegalArgumentException("a number of " + integerDigits + " digits before the decimal point, "
                    + "more than a numeric column holds (" + NUMERIC_INTEGER_DIGITS + ")");
        }
        BigDecimal plain = decimal.stripTrailingZeros();
        if (plain.scale() > NUMERIC_FRACTION_DIGITS) {
            throw new IllegalArgumentException("a number of " + plain.scale() + " digits after the decimal point, "
                    + "more than a numeric column holds (" + NUMERIC_FRACTION_DIGITS + ")");
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (text(value).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw notA(value);
        };
    }

    private Instant timestamp(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (!(value instanceof String)) {
            throw notA(value);
        }
        return OffsetDateTime.parse(text(value)).toInstant();
    }

    private static String text(Object value) {
        return value.toString().trim();
    }

    private IllegalArgumentException notA(Object value) {
        String hint = this == TIMESTAMP ? " (a local date and time needs a time zone: use a timezone step)" : "";
        return new IllegalArgumentException("'" + value + "' is not " + (this == INTEGER ? "an " : "a ") + label()
                + hint);
    }
}
