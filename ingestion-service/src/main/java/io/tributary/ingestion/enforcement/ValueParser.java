package io.tributary.ingestion.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import java.util.Arrays;
import java.util.Locale;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DateTimePatterns;
import io.tributary.catalog.contract.LogicalType;
import io.tributary.ingestion.event.AsciiText;

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
    private final boolean temporal;
    /**
     * Temporal values repeat (the dates of one file are few): the last ones parsed by text, and their output text, in
     * a small cache indexed by the text's hash. Only values that parsed, and that the curated store holds
     * ({@link StoreLimits}), are kept; one parser serves one thread.
     */
    private static final int CACHE = 16;
    private final String[] cachedText = new String[CACHE];
    private final Object[] cachedValue = new Object[CACHE];
    private final String[] cachedOutput = new String[CACHE];
    /** The output texts as bytes, for the values read from bytes; null for one that is not plain ASCII. */
    private final AsciiText[] cachedOutputBytes = new AsciiText[CACHE];
    /** The texts as bytes when they are ASCII, else null: what a value read from bytes is compared with. */
    private final byte[][] cachedTextBytes = new byte[CACHE][];
    /** The slot {@link #cachedOutputBytes(byte[], int, int)} found last, or -1: a file's dates repeat row after row. */
    private int lastBytesSlot = -1;
    /** The slot of the value {@link #parse} returned last, or -1. */
    private int lastSlot = -1;

    ValueParser(ContractProperty property, ZoneId zone) {
        this.type = property.logicalType();
        this.zone = zone;
        this.temporal = type == LogicalType.DATE || type == LogicalType.TIME || type == LogicalType.TIMESTAMP;
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
        if (temporal) {
            int slot = text.hashCode() & (CACHE - 1);
            if (!text.equals(cachedText[slot])) {
                lastSlot = -1;
                Object value = parseText(text);
                if (StoreLimits.value(value) != null) {
                    // never cached, so that no read from bytes takes it for a value the store holds
                    return value;
                }
                cachedText[slot] = text;
                cachedValue[slot] = value;
                cachedOutput[slot] = value.toString();
                cachedOutputBytes[slot] = asciiText(cachedOutput[slot]);
                cachedTextBytes[slot] = asciiBytes(text);
            }
            lastSlot = slot;
            return cachedValue[slot];
        }
        return parseText(text);
    }

    /** Whether the value is the field's text itself (strings, objects and arrays). */
    boolean isText() {
        return type == LogicalType.STRING || type == LogicalType.OBJECT || type == LogicalType.ARRAY;
    }

    /**
     * The value as it goes downstream ({@link #output}) of a type that is not text, read from a field of ASCII bytes
     * without making its text; null when it takes the text: a number of another form than the plain one, a temporal
     * value not parsed lately, a boolean.
     */
    Object outputOfAscii(byte[] bytes, int from, int to) {
        return switch (type) {
            case INTEGER -> AsciiNumbers.integer(bytes, from, to);
            case NUMBER -> AsciiNumbers.decimal(bytes, from, to);
            case DATE, TIME, TIMESTAMP -> cachedOutputBytes(bytes, from, to);
            default -> null;
        };
    }

    /**
     * The output text of the temporal value parsed lately from the text these ASCII bytes make, or null: the slot found
     * last is tried first, then the slot of the bytes' hash, each compared as bytes. {@link #plainCachedOutputBytes} is
     * the reference.
     */
    AsciiText cachedOutputBytes(byte[] bytes, int from, int to) {
        int last = lastBytesSlot;
        if (last >= 0) {
            byte[] text = cachedTextBytes[last];
            if (text != null && Arrays.equals(text, 0, text.length, bytes, from, to)) {
                return cachedOutputBytes[last];
            }
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = hash & (CACHE - 1);
        byte[] text = cachedTextBytes[slot];
        if (text == null || !Arrays.equals(text, 0, text.length, bytes, from, to)) {
            return null;
        }
        lastBytesSlot = slot;
        return cachedOutputBytes[slot];
    }

    /** {@link #cachedOutputBytes(byte[], int, int)} found by the hash alone, char by char. */
    AsciiText plainCachedOutputBytes(byte[] bytes, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        // the slot of the text, whose hash code this is
        String text = cachedText[hash & (CACHE - 1)];
        if (text == null || text.length() != to - from) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != bytes[from + i]) {
                return null;
            }
        }
        return cachedOutputBytes[hash & (CACHE - 1)];
    }

    /** The text's bytes when it is all ASCII, else null. */
    private static byte[] asciiBytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return null;
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The text as bytes when it is ASCII with nothing JSON escapes (as ISO dates and times are), else null. */
    private static AsciiText asciiText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : bytes) {
            if (b < 0x20 || b == '"' || b == '\\') {
                return null;
            }
        }
        return AsciiText.withNothingToEscape(bytes, 0, bytes.length);
    }

    private Object parseText(String text) {
        String value = text.strip();
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(value);
                case NUMBER -> decimal(value);
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

    /**
     * The value as it goes downstream: dates, times and instants as ISO text, everything else as parsed. The text of a
     * temporal value parsed lately comes from the cache.
     */
    Object output(Object typed) {
        if (temporal && lastSlot >= 0 && cachedValue[lastSlot] == typed) {
            return cachedOutput[lastSlot];
        }
        return typed instanceof LocalDate || typed instanceof LocalTime || typed instanceof Instant
                ? typed.toString()
                : typed;
    }

    /**
     * {@code new BigDecimal(value)}, without its general parser for the plain decimals of up to 18 digits data files
     * are made of ({@code -12.50}, {@code 7}, {@code .5}): the same unscaled value and scale.
     */
    static BigDecimal decimal(String value) {
        int n = value.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (value.charAt(0) == '-' || value.charAt(0) == '+')) {
            negative = value.charAt(0) == '-';
            i = 1;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return new BigDecimal(value);
                }
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return new BigDecimal(value);
            }
        }
        if (digits == 0) {
            return new BigDecimal(value);
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
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
        return DateTimePatterns.of(proleptic, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
