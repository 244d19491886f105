package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RowFieldsTest {

    private static CsvRecord read(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteCsvReader reader = ByteCsvReader.of(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8,
                CsvFormat.RFC_4180, false);
        return reader.next();
    }

    @Test
    void equalsTheListOfItsStrings() throws IOException {
        CsvRecord row = read("1,\"a, b\",café,\"say \"\"hi\"\"\",,last\n");

        assertEquals(List.of("1", "a, b", "café", "say \"hi\"", "", "last"), row.fields());
        assertEquals(List.of("1", "a, b", "café", "say \"hi\"", "", "last").hashCode(), row.fields().hashCode());
    }

    @Test
    void holdsPlainAsciiFieldsAsRangesOfTheRowBytes() throws IOException {
        RowFields fields = (RowFields) read("1,\"a, b\",café,\"say \"\"hi\"\"\",,last\n").fields();

        assertTrue(fields.isAscii(0));
        assertTrue(fields.isAscii(1));
        assertEquals("a, b", new String(fields.bytes(), fields.from(1), fields.to(1) - fields.from(1),
                StandardCharsets.US_ASCII));
        assertFalse(fields.isAscii(2), "decoded from UTF-8");
        assertFalse(fields.isAscii(3), "doubled quotes");
        assertTrue(fields.isAscii(4));
        assertEquals(fields.from(4), fields.to(4));
    }

    @Test
    void givesTheRowTextAsWritten() throws IOException {
        assertEquals("1,\"a, b\",last", read("1,\"a, b\",last\r\n").raw());
        assertEquals("2,café,\"x\"\"y\"", read("2,café,\"x\"\"y\"\n").raw());
        assertTrue(read("\nnext\n").isEmpty());
        assertFalse(read("a plain field longer than eight bytes,and another one\n").isEmpty());
    }

    @Test
    void knowsTheFieldsWithNothingJsonEscapes() throws IOException {
        RowFields fields = (RowFields) read(
                "plain,\"quoted, long enough\",back\\slash,tab\there,a\"b,\"x\"\"y\",\"line\nbreak\",last\n")
                .fields();

        assertTrue(fields.escapesNothing(0));
        assertTrue(fields.escapesNothing(1));
        assertFalse(fields.escapesNothing(2));
        assertFalse(fields.escapesNothing(3));
        assertFalse(fields.escapesNothing(4));
        assertFalse(fields.escapesNothing(5), "held as a String");
        assertFalse(fields.escapesNothing(6));
        assertTrue(fields.escapesNothing(7));
    }

    @Test
    void findsTheNulCharacterInTheBytes() throws IOException {
        assertFalse(read("a long enough row without it,x\n").fields() instanceof RowFields fields
                && fields.containsNul());
        assertTrue(((RowFields) read("a long enough row with it,x\u0000y\n").fields()).containsNul());
        assertTrue(((RowFields) read("\u0000\n").fields()).containsNul());
    }

    @Test
    void makesEachStringOnce() throws IOException {
        List<String> fields = read("abc,def\n").fields();

        assertSame(fields.get(1), fields.get(1));
    }

    @Test
    void keepsRangesOfARecordReadAcrossARefill() throws IOException {
        String first = "x".repeat(70_000) + ",a\n";
        byte[] bytes = (first + "second,\"row\"\n").getBytes(StandardCharsets.US_ASCII);
        ByteCsvReader reader = ByteCsvReader.of(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII,
                CsvFormat.RFC_4180, false);

        assertEquals(List.of("x".repeat(70_000), "a"), reader.next().fields());
        assertEquals(List.of("second", "row"), reader.next().fields());
    }
}
