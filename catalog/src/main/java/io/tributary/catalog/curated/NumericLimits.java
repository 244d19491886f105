package io.tributary.catalog.curated;

import java.math.BigDecimal;

/**
 * The decimals a PostgreSQL {@code numeric} column holds: at most {@value #INTEGER_DIGITS} digits before the point and
 * {@value #FRACTION_DIGITS} after it (trailing zeros after the point are not kept). A curated value beyond them is
 * quarantined at the door, and a contract may not give one as a limit: its plain digits alone would be too many to
 * write or to show.
 */
public final class NumericLimits {

    /** Digits before the decimal point that {@code numeric} holds. */
    public static final int INTEGER_DIGITS = 131_072;
    /** Digits after the decimal point that {@code numeric} holds. */
    public static final int FRACTION_DIGITS = 16_383;

    private NumericLimits() {
    }

    /**
     * Why {@code numeric} cannot hold the decimal, or null when it can. Counts the digits before stripping zeros, which
     * takes minutes for a number of hundreds of thousands of digits.
     */
    public static String whyNot(BigDecimal value) {
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > INTEGER_DIGITS) {
            return "it has " + integerDigits + " digits before the decimal point, and the curated store holds at most "
                    + INTEGER_DIGITS;
        }
        if (value.scale() > FRACTION_DIGITS) {
            int fraction = value.stripTrailingZeros().scale();
            if (fraction > FRACTION_DIGITS) {
                return "it has " + fraction + " digits after the decimal point, and the curated store holds at most "
                        + FRACTION_DIGITS;
            }
        }
        return null;
    }
}
