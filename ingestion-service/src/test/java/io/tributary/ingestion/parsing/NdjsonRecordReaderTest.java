package io.tributary.ingestion.parsing;

import static io.tributary.ingestion.parsing.JsonRecordReaderTest.assertRecord;
import static io.tributary.ingestion.parsing.JsonRecordReaderTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.entity.SourceEntity.Format;

class NdjsonRecordReaderTest {

    @Test
    void thePositionIsTheLineNumberAndBlankLinesAreSkipped() throws IOException {
        List<SourceRecord> records = read("{\"a\":1}\n\n  \t\n{\"a\":2}\n{\"a\":3}");
        assertEquals(List.of(1L, 4L, 5L), positions(records));
        assertEquals("3", records.get(2).values().get(0));
    }

    @Test
    void aBadMiddleLineIsOneUnreadableRecordAndReadingGoesOn() throws IOException {
        List<SourceRecord> records = read("{\"a\":1}\n{\"a\": 2,}\n{\"a\":3}\n");
        assertEquals(3, records.size());
        assertTrue(records.get(0).isReadable() && records.get(2).isReadable());
        SourceRecord bad = records.get(1);
        assertEquals(2L, bad.position());
        assertEquals("{\"a\": 2,}", bad.raw());
        assertEquals(JsonErrorKind.SYNTAX, JsonErrorKind.of(bad.error()));
        assertTrue(bad.error().startsWith("JSON syntax error at line 2, column 9: "), bad.error());
    }

    @Test
    void lfCrlfAndCrEndLines() throws IOException {
        assertEquals(List.of(1L, 2L, 3L, 4L), positions(read("{\"a\":1}\r\n{\"a\":2}\r{\"a\":3}\n{\"a\":4}\r\n")));
    }

    @Test
    void aLineThatIsValidJsonButNotAnObjectIsNotARecord() throws IOException {
        List<SourceRecord> records = read("[1,2]\n42\n\"s\"\n{\"a\":1}");
        assertEquals(List.of(JsonErrorKind.NOT_AN_OBJECT, JsonErrorKind.NOT_AN_OBJECT, JsonErrorKind.NOT_AN_OBJECT),
                records.subList(0, 3).stream().map(r -> JsonErrorKind.of(r.error())).toList());
        assertTrue(records.get(0).error().contains("line 1 is an array"), records.get(0).error());
        assertTrue(records.get(3).isReadable());
    }

    @Test
    void twoValuesOnOneLineAreASyntaxError() throws IOException {
        List<SourceRecord> records = read("{\"a\":1} {\"a\":2}\n{\"a\":3}");
        assertEquals(2, records.size());
        assertEquals(JsonErrorKind.SYNTAX, JsonErrorKind.of(records.get(0).error()));
        assertTrue(records.get(0).error().contains("column 9"), records.get(0).error());
        assertTrue(records.get(1).isReadable());
    }

    @Test
    void consecutiveObjectsWithTheSameKeysShareOneNamesList() throws IOException {
        List<SourceRecord> records = read("{\"a\":1,\"b\":{\"c\":2}}\n{\"a\":3,\"b\":{\"c\":4}}\n{\"b\":{\"c\":5},\"a\":6}");
        assertSame(records.get(0).names(), records.get(1).names());
        assertEquals(List.of("a", "b.c"), records.get(1).names());
        assertNotSame(records.get(1).names(), records.get(2).names());
        assertEquals(List.of("b.c", "a"), records.get(2).names());
    }

    @Test
    void aLineWithTheArrayOfItsShapeExplodesOnItsLine() throws IOException {
        List<SourceRecord> records = Records.read(Format.NDJSON, JsonShape.exploding("items"),
                "{\"o\":1,\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}\n{\"o\":2,\"items\":[]}");
        assertEquals(List.of(1L, 1L, 2L), positions(records));
        assertRecord(map("o", "1", "items.sku", "A"), records.get(0));
        assertRecord(map("o", "1", "items.sku", "B"), records.get(1));
        assertRecord(map("o", "2", "items", "[]"), records.get(2));
        assertEquals(List.of(1, 2, 0), records.stream().map(SourceRecord::item).toList());
        assertEquals("{\"o\":1,\"items\":[{\"sku\":\"B\"}]}", records.get(1).raw());
    }

    @Test
    void aRecordsRawTextIsItsObjectAsWritten() throws IOException {
        assertEquals("{ \"a\" : 1.50 }", read("  { \"a\" : 1.50 }  \n").get(0).raw());
    }

    @Test
    void numbersKeepTheirLiterals() throws IOException {
        assertEquals(List.of("261.9600", "1e400"), read("{\"s\":261.9600,\"e\":1e400}").get(0).values());
    }

    @Test
    void deepNestingOnALineIsALimitAndTheNextLineIsRead() throws IOException {
        List<SourceRecord> records = read("[".repeat(100_000) + "\n{\"a\":1}\n");
        assertEquals(JsonErrorKind.LIMIT, JsonErrorKind.of(records.get(0).error()));
        assertTrue(records.get(0).raw().length() <= JsonSupport.MAX_RAW_LENGTH);
        assertTrue(records.get(1).isReadable());
    }

    @Test
    void anEmptyFileHasNoRecords() throws IOException {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("\n\n"));
        assertNull(new NdjsonRecordReader(new StringReader("")).next());
    }

    @Test
    void linesLongerThanTheLimitAreCutAndSaySo() throws IOException {
        LineReader lines = new LineReader(new StringReader("short\r\n" + "x".repeat(100_000) + "\nlast"), 1000);
        LineReader.Line first = lines.next();
        assertEquals("short", first.text());
        assertFalse(first.cut());
        LineReader.Line second = lines.next();
        assertEquals(2L, second.number());
        assertEquals(1000, second.text().length());
        assertTrue(second.cut());
        LineReader.Line third = lines.next();
        assertEquals(new LineReader.Line(3, "last", false), third);
        assertNull(lines.next());
    }

    @Test
    void aCrlfSplitAcrossBuffersIsOneLineEnd() throws IOException {
        String text = "x".repeat(64 * 1024 - 1) + "\r\n" + "y";
        LineReader lines = new LineReader(new StringReader(text), Integer.MAX_VALUE);
        assertEquals(64 * 1024 - 1, lines.next().text().length());
        assertEquals(new LineReader.Line(2, "y", false), lines.next());
        assertNull(lines.next());
    }

    private static List<SourceRecord> read(String ndjson) throws IOException {
        return Records.read(Format.NDJSON, ndjson);
    }

    private static List<Long> positions(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::position).toList();
    }
}
