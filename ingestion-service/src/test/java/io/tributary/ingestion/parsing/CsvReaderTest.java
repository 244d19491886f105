package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedCommasEscapedQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> records = readAll("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\r\n");
        assertEquals(List.of("1", "x, y", "say \"hi\""), records.get(1).fields());
        assertEquals(List.of("2", "two\nlines", "z"), records.get(2).fields());
        assertEquals(3, records.size());
    }

    @Test
    void countsPhysicalLinesAcrossQuotedLineBreaks() throws IOException {
        List<CsvRecord> records = readAll("h\n\"a\nb\nc\"\nnext\n");
        assertEquals(1, records.get(0).line());
        assertEquals(2, records.get(1).line());
        assertEquals(5, records.get(2).line());
    }

    @Test
    void acceptsLfCrAndCrlfLineEnds() throws IOException {
        assertEquals(3, readAll("a\nb\rc\r\n").size());
        assertEquals(List.of("c"), readAll("a\nb\rc").get(2).fields());
    }

    @Test
    void skipsUtf8ByteOrderMark() throws IOException {
        assertEquals(List.of("Row ID", "Sales"), readAll("\uFEFFRow ID,Sales\n").get(0).fields());
    }

    @Test
    void keepsEmptyFieldsAndRaggedRows() throws IOException {
        List<CsvRecord> records = readAll("a,b,c\n1,,\nPerson,Region\n");
        assertEquals(List.of("1", "", ""), records.get(1).fields());
        assertEquals(List.of("Person", "Region"), records.get(2).fields());
    }

    @Test
    void keepsRawTextOfEachRecord() throws IOException {
        assertEquals("1,\"x, y\"", readAll("a,b\r\n1,\"x, y\"\r\n").get(1).raw());
    }

    @Test
    void unclosedQuoteYieldsRestOfFileAsLastField() throws IOException {
        List<CsvRecord> records = readAll("a,b\n1,\"open\n2,3\n");
        assertEquals(List.of("1", "open\n2,3\n"), records.get(1).fields());
        assertEquals(2, records.size());
    }

    @Test
    void honoursOtherDelimitersAndQuotes() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("a;b\n'x;y';2\n"), new CsvFormat(';', '\''));
        reader.next();
        assertEquals(List.of("x;y", "2"), reader.next().fields());
        assertNull(reader.next());
    }

    @Test
    void readsRecordsLargerThanItsBuffer() throws IOException {
        String big = "x".repeat(200_000);
        assertEquals(big, readAll("a\n\"" + big + "\"\n").get(1).fields().get(0));
    }

    private static List<CsvRecord> readAll(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text), CsvFormat.RFC_4180);
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }
}
