package io.tributary.ingestion.enforcement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.LogicalType;

/**
 * Turns the text of one field into the value of its contract property's logical type. Dates are resolved strictly
 * (2/30/2018 is an error, not March 2nd); local timestamps are read in the source's time zone and become instants.
 * The formatter is built once, here; only date, time and timestamp properties have one (an integer's {@code format}
 * such as {@code i32} is its size, not a pattern).
 */
final class ValueParser {

    private final LogicalType type;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;
    private final String expected;

    ValueParser(ContractProperty property, ZoneId zone) {
        this.type = property.logicalType();
        this.zone = zone;
        boolean temporal = type == LogicalType.DATE || type == LogicalType.TIME || type == LogicalType.TIMESTAMP;
        this.formatter = temporal ? property.format().map(ValueParser::strictPattern).orElse(null) : null;
        String what = switch (type) {
            case INTEGER -> "an integer";
            case NUMBER -> "a decimal number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date";
            case TIME -> "a time";
            case TIMESTAMP -> "a timestamp";
            default -> "a " + type.odcsName();
        };
        this.expected = temporal && formatter != null ? what + " in the format " + property.format().get() : what;
    }

    /**
     * The typed value: a String, Long, BigDecimal, Boolean, LocalDate, LocalTime or Instant; throws
     * {@link IllegalArgumentException} with a reason when the text is not of the type.
     */
    Object parse(String text) {
        if (type == LogicalType.STRING || type == LogicalType.OBJECT || type == LogicalType.ARRAY) {
            return text;
        }
        String value = text.strip();
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(value);
                case NUMBER -> new BigDecimal(value);
                case BOOLEAN -> parseBoolean(value);
                case DATE -> formatter == null ? LocalDate.parse(value) : LocalDate.parse(value, formatter);
                case TIME -> formatter == null ? LocalTime.parse(value) : LocalTime.parse(value, formatter);
                case TIMESTAMP -> parseTimestamp(value);
                default -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + expected);
        }
    }

    /** The value as it goes downstream: dates, times and instants as ISO text, everything else as parsed. */
    static Object output(Object typed) {
        return typed instanceof LocalDate || typed instanceof LocalTime || typed instanceof Instant
                ? typed.toString()
                : typed;
    }

    private Instant parseTimestamp(String value) {
        if (formatter == null) {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, Instant::from,
                    LocalDateTime::from);
            return parsed instanceof Instant instant ? instant : ((LocalDateTime) parsed).atZone(zone).toInstant();
        }
        TemporalAccessor parsed = formatter.parse(value);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS) || parsed.query(TemporalQueries.zoneId()) != null) {
            return Instant.from(parsed);
        }
        return LocalDateTime.from(parsed).atZone(zone).toInstant();
    }

    private static Boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new NumberFormatException(value);
    }

    /** Strict resolution needs the proleptic year ('u'), not the year of era ('y'), unless an era is given. */
    private static DateTimeFormatter strictPattern(String pattern) {
        String proleptic = pattern.contains("G") ? pattern : pattern.replace('y', 'u');
        return DateTimeFormatter.ofPattern(proleptic, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
