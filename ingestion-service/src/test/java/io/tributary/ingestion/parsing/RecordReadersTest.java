package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.entity.SourceEntity.Format;

class RecordReadersTest {

    private static final Map<String, String> AUTO = Map.of();

    @Test
    void gzipIsDetectedByItsMagicBytesAndDecompressedForEveryFormat() throws IOException {
        assertEquals(List.of(Map.of("a", "1")),
                fields(Records.read(Format.CSV, AUTO, Records.gzip(utf8("a\n1\n")))));
        assertEquals(List.of(Map.of("a", "1"), Map.of("a", "2")),
                fields(Records.read(Format.JSON, AUTO, Records.gzip(utf8("[{\"a\":1},{\"a\":2}]")))));
        assertEquals(List.of(Map.of("a", "1"), Map.of("a", "2")),
                fields(Records.read(Format.NDJSON, AUTO, Records.gzip(utf8("{\"a\":1}\n{\"a\":2}\n")))));
    }

    @Test
    void gzippedTextHasItsEncodingDetectedAfterDecompression() throws IOException {
        byte[] latin = "name\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00e9", Records.read(Format.CSV, AUTO, Records.gzip(latin)).get(0).values().get(0));
    }

    @Test
    void concatenatedGzipMembersReadAsOneFile() throws IOException {
        byte[] file = Records.concat(Records.gzip(utf8("{\"a\":1}\n")), Records.gzip(utf8("{\"a\":2}\n")));
        assertEquals(2, Records.read(Format.NDJSON, AUTO, file).size());
    }

    @Test
    void truncatedGzipEndsWithAnUnreadableRecordAfterTheRecordsBeforeIt() throws IOException {
        StringBuilder csv = new StringBuilder("n,text\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",row ").append(i * 7919L % 100_003).append('\n');
        }
        byte[] gzip = Records.gzip(utf8(csv.toString()));
        List<SourceRecord> records = Records.read(Format.CSV, AUTO, Arrays.copyOf(gzip, gzip.length / 2));
        SourceRecord last = records.get(records.size() - 1);
        assertFalse(last.isReadable());
        assertTrue(last.error().contains("gzip data is damaged or truncated"), last.error());
        assertTrue(records.size() > 1000, "the records before the damage are read");
        assertTrue(records.subList(0, records.size() - 1).stream().allMatch(SourceRecord::isReadable));
        assertEquals(records.get(records.size() - 2).position() + 1, last.position());
    }

    @Test
    void gzipMagicFollowedByGarbageIsOneUnreadableRecord() throws IOException {
        List<SourceRecord> records = Records.read(Format.JSON, AUTO, Records.bytes(0x1f, 0x8b, 0x00, 0x01, 0x02));
        assertEquals(1, records.size());
        assertTrue(records.get(0).error().contains("gzip"), records.get(0).error());
    }

    @Test
    void utf8ByteOrderMarkIsStripped() throws IOException {
        byte[] bom = Records.bytes(0xef, 0xbb, 0xbf);
        assertEquals(List.of("id"), Records.read(Format.CSV, AUTO, Records.concat(bom, utf8("id\n1\n"))).get(0).names());
        assertEquals(Map.of("id", "1"),
                Records.fields(Records.read(Format.JSON, AUTO, Records.concat(bom, utf8("{\"id\":1}"))).get(0)));
        assertEquals(Map.of("id", "1"),
                Records.fields(Records.read(Format.NDJSON, AUTO, Records.concat(bom, utf8("{\"id\":1}\n"))).get(0)));
    }

    @Test
    void declaredUtf8WithAByteOrderMarkDropsTheMark() throws IOException {
        byte[] file = Records.concat(Records.bytes(0xef, 0xbb, 0xbf), utf8("{\"id\":1}"));
        assertEquals(Map.of("id", "1"), Records.fields(Records.read(Format.JSON, Map.of("encoding", "UTF-8"), file).get(0)));
    }

    @Test
    void utf16ByteOrderMarksSelectUtf16() throws IOException {
        byte[] le = Records.concat(Records.bytes(0xff, 0xfe), "name\nna\u00efve \u20ac\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] be = Records.concat(Records.bytes(0xfe, 0xff), "name\nna\u00efve \u20ac\n".getBytes(StandardCharsets.UTF_16BE));
        assertEquals("na\u00efve \u20ac", Records.read(Format.CSV, AUTO, le).get(0).values().get(0));
        assertEquals("na\u00efve \u20ac", Records.read(Format.CSV, AUTO, be).get(0).values().get(0));
        assertEquals(List.of("name"), Records.read(Format.CSV, AUTO, le).get(0).names());
    }

    @Test
    void utf16WithoutAMarkIsRecognisedByItsZeroBytes() throws IOException {
        byte[] le = "{\"city\":\"K\u00f6ln\"}".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(Map.of("city", "K\u00f6ln"), Records.fields(Records.read(Format.JSON, AUTO, le).get(0)));
    }

    @Test
    void textThatIsNotUtf8FallsBackToWindows1252() throws IOException {
        byte[] file = Records.concat(utf8("name,price\ncaf"), Records.bytes(0xe9), utf8(","), Records.bytes(0x80),
                utf8("3\n"));
        SourceRecord record = Records.read(Format.CSV, AUTO, file).get(0);
        assertEquals(List.of("caf\u00e9", "\u20ac3"), record.values());
    }

    @Test
    void jsonTextInWindows1252IsReadToo() throws IOException {
        byte[] file = Records.concat(utf8("[{\"name\":\"Cr"), Records.bytes(0xe8), utf8("me br"), Records.bytes(0xfb),
                utf8("l"), Records.bytes(0xe9), utf8("e\"}]"));
        assertEquals(Map.of("name", "Cr\u00e8me br\u00fbl\u00e9e"),
                Records.fields(Records.read(Format.JSON, AUTO, file).get(0)));
    }

    @Test
    void declaredIso88591IsTakenAsDeclared() throws IOException {
        byte[] file = Records.concat(utf8("name\n"), Records.bytes(0xe9, 0x80), utf8("\n"));
        SourceRecord record = Records.read(Format.CSV, Map.of("encoding", "ISO-8859-1"), file).get(0);
        // ISO-8859-1 maps 0x80 to the control character U+0080, where windows-1252 has the euro sign
        assertEquals("\u00e9\u0080", record.values().get(0));
    }

    @Test
    void declaredWindows1252IsTakenEvenWhenTheBytesAreValidUtf8() throws IOException {
        byte[] file = utf8("name\ncaf\u00e9\n");
        SourceRecord record = Records.read(Format.CSV, Map.of("encoding", "windows-1252"), file).get(0);
        assertEquals("caf\u00c3\u00a9", record.values().get(0));
    }

    @Test
    void malformedBytesUnderADeclaredEncodingAreReplacedAndReadingGoesOn() throws IOException {
        byte[] file = Records.concat(utf8("name\nbad "), Records.bytes(0xff, 0xc3), utf8(" end\nnext\n"));
        List<SourceRecord> records = Records.read(Format.CSV, Map.of("encoding", "UTF-8"), file);
        assertEquals(List.of("bad \ufffd\ufffd end"), records.get(0).values());
        assertEquals(List.of("next"), records.get(1).values());
    }

    @Test
    void autoIsTheDefaultEncoding() throws IOException {
        byte[] file = Records.concat(utf8("name\n"), Records.bytes(0xe9), utf8("\n"));
        assertEquals(Records.read(Format.CSV, AUTO, file).get(0).values(),
                Records.read(Format.CSV, Map.of("encoding", "auto"), file).get(0).values());
        assertEquals(List.of("\u00e9"), Records.read(Format.CSV, Map.of("encoding", "AUTO"), file).get(0).values());
    }

    @Test
    void aMultiByteSequenceCutByTheEndOfTheSampleIsStillUtf8() throws IOException {
        String filler = "x".repeat(TextDecoding.SAMPLE_BYTES - 3);
        byte[] file = utf8("h\n" + filler + "\u00e9\n");
        assertEquals(0xc3, file[TextDecoding.SAMPLE_BYTES - 1] & 0xff, "the sample ends inside the sequence");
        assertEquals(filler + "\u00e9", Records.read(Format.CSV, AUTO, file).get(0).values().get(0));
    }

    @Test
    void detectionLooksAtTheFirst64KiBOnly() throws IOException {
        String filler = "x".repeat(TextDecoding.SAMPLE_BYTES);
        byte[] file = Records.concat(utf8("h\n" + filler + "\n"), Records.bytes(0xe9), utf8("\n"));
        // ASCII (so UTF-8) as far as detection looks; the later windows-1252 byte is replaced, not a failure
        assertEquals(List.of("\ufffd"), Records.read(Format.CSV, AUTO, file).get(1).values());
    }

    @Test
    void openingReadsNothingAndAnIoFailureSurfacesFromNext() throws IOException {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        RecordReader reader = RecordReaders.open(Format.CSV, AUTO, failing);
        assertEquals("disk gone", assertThrows(IOException.class, reader::next).getMessage());
        reader.close();
    }

    @Test
    void closingClosesTheInput() throws IOException {
        boolean[] closed = {false};
        InputStream in = new java.io.ByteArrayInputStream(utf8("a\n1\n")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (RecordReader reader = RecordReaders.open(Format.CSV, AUTO, in)) {
            reader.next();
        }
        assertTrue(closed[0]);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Map<String, String>> fields(List<SourceRecord> records) {
        return records.stream().map(Records::fields).toList();
    }

}
