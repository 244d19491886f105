package io.tributary.ingestion.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import io.tributary.catalog.curated.NumericLimits;

/**
 * What the curated store can hold, so that the door quarantines what PostgreSQL would refuse later, when one record
 * would stop a whole transaction of the transform (decision 28). Values travel to the store as text: a decimal as its
 * plain digits, a date or a timestamp as ISO-8601 text in UTC, a key as the text of a {@code text} primary key.
 * <ul>
 * <li>{@code numeric} holds at most {@value #NUMERIC_INTEGER_DIGITS} digits before the point and
 * {@value #NUMERIC_FRACTION_DIGITS} after it (trailing zeros after the point are not kept);</li>
 * <li>{@code date} and {@code timestamptz} read ISO-8601 years 0001 to 9999: Java writes the years outside them with a
 * sign ({@code +10000-01-01}, {@code -0001-01-01}), which PostgreSQL does not read, although its own ranges are
 * wider;</li>
 * <li>a btree index entry (the curated table's {@code _key}) holds at most {@value #KEY_BYTES} bytes of text that does
 * not compress.</li>
 * </ul>
 * A test checks each limit against a real PostgreSQL: the value at the limit is taken, the next one refused.
 */
public final class StoreLimits {

    /** Digits before the decimal point that {@code numeric} holds. */
    public static final int NUMERIC_INTEGER_DIGITS = NumericLimits.INTEGER_DIGITS;
    /** Digits after the decimal point that {@code numeric} holds. */
    public static final int NUMERIC_FRACTION_DIGITS = NumericLimits.FRACTION_DIGITS;
    /** UTF-8 bytes of a {@code text} key that one btree index entry holds when the text does not compress. */
    public static final int KEY_BYTES = 2692;
    public static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
    public static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    /** The last instant of year 9999 at PostgreSQL's precision, the microsecond. */
    public static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final int MAX_UTF8_BYTES_PER_CHAR = 3;

    private StoreLimits() {
    }

    /** Why {@code numeric} cannot hold the decimal, or null when it can. */
    public static String numeric(BigDecimal value) {
        return NumericLimits.whyNot(value);
    }

    /** Why the store cannot hold the date, or null when it can. */
    public static String date(LocalDate value) {
        if (value.isBefore(FIRST_DATE) || value.isAfter(LAST_DATE)) {
            return "it is outside the dates the curated store holds, " + FIRST_DATE + " to " + LAST_DATE;
        }
        return null;
    }

    /** Why the store cannot hold the instant, or null when it can. */
    public static String timestamp(Instant value) {
        if (value.isBefore(FIRST_INSTANT) || value.isAfter(LAST_INSTANT)) {
            return "it is outside the timestamps the curated store holds, " + FIRST_INSTANT + " to " + LAST_INSTANT;
        }
        return null;
    }

    /** Why the store cannot hold a typed value (of any type {@code ValueParser} makes), or null when it can. */
    public static String value(Object value) {
        if (value instanceof BigDecimal decimal) {
            return numeric(decimal);
        }
        if (value instanceof LocalDate date) {
            return date(date);
        }
        return value instanceof Instant instant ? timestamp(instant) : null;
    }

    /** Why a key cannot be one index entry, or null when it can; short keys are not encoded to tell. */
    public static String key(String key) {
        if (key.length() <= KEY_BYTES / MAX_UTF8_BYTES_PER_CHAR) {
            return null;
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > KEY_BYTES) {
            return "the key is " + bytes + " bytes long in UTF-8, and an index entry of the curated store holds at most "
                    + KEY_BYTES;
        }
        return null;
    }
}
