package io.tributary.ingestion.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Numbers read from ASCII bytes are what the text parsers read, or are left to them. */
class AsciiNumbersTest {

    @Test
    void readsPlainIntegersAsLongParseLongDoes() {
        for (String text : new String[]{"0", "-0", "+7", "007", "-12", "999999999999999999", "-999999999999999999"}) {
            assertEquals(Long.parseLong(text), integer(text), text);
        }
    }

    @Test
    void leavesOtherIntegersToTheTextParser() {
        for (String text : new String[]{"", "-", "+", " 1", "1 ", "1.0", "1e3", "1_000", "9999999999999999999",
                "--1", "٣"}) {
            assertNull(integer(text), text);
        }
    }

    @Test
    void readsPlainDecimalsAsBigDecimalDoes() {
        for (String text : new String[]{"0", "-0.00", "+0", ".5", "-.5", "5.", "007.50", "261.9600", "-240.5892",
                "0.0000001", "999999999999999999", "123456789.123456789", "1", "10", "11", "-10", "0.000", "10.0"}) {
            BigDecimal expected = new BigDecimal(text);
            BigDecimal actual = decimal(text);
            assertEquals(expected, actual, text);
            assertEquals(expected.scale(), actual.scale(), text);
        }
    }

    @Test
    void leavesOtherDecimalsToTheTextParser() {
        for (String text : new String[]{"", "-", ".", "-.", "1.2.3", "1e3", "1E+3", " 1", "1,5", "--1",
                "9999999999999999999", "1234567890.123456789"}) {
            assertNull(decimal(text), text);
        }
    }

    @Test
    void agreesWithTheTextParsersOnRandomText() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(21);
            for (int j = 0; j < n; j++) {
                text.append("0123456789.-+eE x".charAt(random.nextInt(j == 0 ? 17 : 12)));
            }
            String t = text.toString();
            Long integer = integer(t);
            if (integer != null) {
                assertEquals(Long.parseLong(t), integer, t);
            }
            BigDecimal decimal = decimal(t);
            if (decimal != null) {
                assertEquals(new BigDecimal(t), decimal, t);
                assertEquals(ValueParser.decimal(t), decimal, t);
            } else if (t.matches("[-+]?[0-9]{0,9}\\.?[0-9]{1,9}")) {
                assertNotNull(decimal, t);
            }
        }
    }

    private static Long integer(String text) {
        byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
        return AsciiNumbers.integer(bytes, 1, bytes.length - 1);
    }

    private static BigDecimal decimal(String text) {
        byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.UTF_8);
        return AsciiNumbers.decimal(bytes, 1, bytes.length - 1);
    }
}
