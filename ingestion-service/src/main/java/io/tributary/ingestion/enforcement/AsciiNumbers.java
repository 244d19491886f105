package io.tributary.ingestion.enforcement;

import java.math.BigDecimal;

/**
 * Integers and decimals read straight from ASCII bytes, for the plain forms of up to 18 digits that data files are
 * made of: an optional sign, digits, and for decimals at most one point. Anything else (spaces, exponents, more
 * digits, no digit at all) gives null, and is left to the parsers of the field's text, which read these plain forms
 * to the same values.
 */
final class AsciiNumbers {

    private static final int MAX_DIGITS = 18;

    private AsciiNumbers() {
    }

    /** What {@code Long.parseLong} reads from {@code bytes[from..to)}, or null when it is not a plain integer. */
    static Long integer(byte[] bytes, int from, int to) {
        int i = signLength(bytes, from, to);
        int digits = to - from - i;
        if (digits == 0 || digits > MAX_DIGITS) {
            return null;
        }
        long value = 0;
        for (i += from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            value = value * 10 + digit;
        }
        return bytes[from] == '-' ? -value : value;
    }

    /**
     * What {@code new BigDecimal} reads from {@code bytes[from..to)} (the same unscaled value and scale), or null when
     * it is not a plain decimal.
     */
    static BigDecimal decimal(byte[] bytes, int from, int to) {
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (int i = from + signLength(bytes, from, to); i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit >= 0 && digit <= 9) {
                if (++digits > MAX_DIGITS) {
                    return null;
                }
                unscaled = unscaled * 10 + digit;
                if (scale >= 0) {
                    scale++;
                }
            } else if (bytes[i] == '.' && scale < 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        return decimalOf(bytes[from] == '-' ? -unscaled : unscaled, Math.max(scale, 0));
    }

    /**
     * The decimal {@code unscaled} &times; 10<sup>-scale</sup>, made the same way whatever the value.
     * {@code BigDecimal.valueOf(long, int)} hands out shared instances for 0 to 10 and for zeros, a branch on the
     * value: a file whose numbers met only one side of it while the batch path was compiled, then a small whole
     * number, threw {@code ContractEnforcer.check}, into which this is inlined, back to the interpreter, and it was
     * compiled again at the top tier (about a second of the compiler's time, file after file). The same value and
     * scale, so equal to what {@code valueOf} returns.
     */
    private static BigDecimal decimalOf(long unscaled, int scale) {
        return new BigDecimal(unscaled).scaleByPowerOfTen(-scale);
    }

    private static int signLength(byte[] bytes, int from, int to) {
        return from < to && (bytes[from] == '-' || bytes[from] == '+') ? 1 : 0;
    }
}
