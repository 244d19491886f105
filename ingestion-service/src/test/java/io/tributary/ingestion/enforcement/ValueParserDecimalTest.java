package io.tributary.ingestion.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The decimal fast path gives what {@code new BigDecimal(text)} gives: the same value, scale and text. */
class ValueParserDecimalTest {

    @Test
    void agreesWithBigDecimal() {
        String[] texts = {"0", "-0", "+0", "0.00", "-0.00", "7", "-12.50", ".5", "-.5", "5.", "007.50", "261.9600",
                "999999999999999999", "9999999999999999999", "-999999999999999999", "123456789.123456789",
                "0.0000001", "1E+3", "1e3", "12345678901234567890.5", "٣"};
        for (String text : texts) {
            assertSame(text);
        }
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(22);
            for (int j = 0; j < n; j++) {
                text.append("0123456789.-+eE ".charAt(random.nextInt(j == 0 ? 13 : 12)));
            }
            assertSame(text.toString());
        }
    }

    @Test
    void refusesWhatBigDecimalRefuses() {
        for (String text : new String[]{"", "-", "+", ".", "-.", "1.2.3", "1-2", "--1", "1,5", " 1"}) {
            assertThrows(NumberFormatException.class, () -> new BigDecimal(text));
            assertThrows(NumberFormatException.class, () -> ValueParser.decimal(text));
        }
    }

    private static void assertSame(String text) {
        BigDecimal expected;
        try {
            expected = new BigDecimal(text);
        } catch (NumberFormatException e) {
            assertThrows(NumberFormatException.class, () -> ValueParser.decimal(text), text);
            return;
        }
        BigDecimal actual = ValueParser.decimal(text);
        assertEquals(expected, actual, text);
        assertEquals(expected.scale(), actual.scale(), text);
        assertEquals(expected.toString(), actual.toString(), text);
        assertEquals(expected.precision(), actual.precision(), text);
    }
}
