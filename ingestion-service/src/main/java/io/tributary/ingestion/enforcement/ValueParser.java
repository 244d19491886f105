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
import java.util.Locale;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.LogicalType;

/**
 * Turns the text of one field into the value of its contract property's logical type. Dates are resolved strictly
 * (2/30/2018 is an error, not March 2nd); local timestamps are read in the source's time zone and become instants.
 */
final class ValueParser {

    private final ContractProperty property;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;

    ValueParser(ContractProperty property, ZoneId zone) {
        this.property = property;
        this.zone = zone;
        this.formatter = property.format().map(ValueParser::strictPattern).orElse(null);
    }

    /** The typed value; throws {@link IllegalArgumentException} with a reason when the text is not of the type. */
    Object parse(String text) {
        String value = text.strip();
        LogicalType type = property.logicalType();
        try {
            return switch (type) {
                case STRING, OBJECT, ARRAY -> text;
                case INTEGER -> Long.parseLong(value);
                case NUMBER -> new BigDecimal(value);
                case BOOLEAN -> parseBoolean(value);
                case DATE -> (formatter == null ? LocalDate.parse(value) : LocalDate.parse(value, formatter)).toString();
                case TIME -> (formatter == null ? LocalTime.parse(value) : LocalTime.parse(value, formatter)).toString();
                case TIMESTAMP -> parseTimestamp(value).toString();
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + describe(type));
        }
    }

    private Instant parseTimestamp(String value) {
        if (formatter == null) {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, Instant::from,
                    LocalDateTime::from);
            return parsed instanceof Instant instant ? instant : ((LocalDateTime) parsed).atZone(zone).toInstant();
        }
        TemporalAccessor parsed = formatter.parse(value);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)
                || parsed.query(java.time.temporal.TemporalQueries.zoneId()) != null) {
            return Instant.from(parsed);
        }
        return LocalDateTime.from(parsed).atZone(zone).toInstant();
    }

    private static Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new NumberFormatException(value);
        };
    }

    private String describe(LogicalType type) {
        String expected = switch (type) {
            case INTEGER -> "an integer";
            case NUMBER -> "a decimal number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date";
            case TIME -> "a time";
            case TIMESTAMP -> "a timestamp";
            default -> "a " + type.odcsName();
        };
        return property.format().map(f -> expected + " in the format " + f).orElse(expected);
    }

    /** Strict resolution needs the proleptic year ('u'), not the year of era ('y'), unless an era is given. */
    private static DateTimeFormatter strictPattern(String pattern) {
        String proleptic = pattern.contains("G") ? pattern : pattern.replace('y', 'u');
        return DateTimeFormatter.ofPattern(proleptic, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
