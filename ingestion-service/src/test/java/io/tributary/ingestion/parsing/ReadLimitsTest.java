package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.entity.SourceEntity.Format;

/** Each limit of the readers stops what goes past it, says which limit and its value, and holds nothing more. */
class ReadLimitsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Map<String, String> UTF_16 = Map.of("encoding", "UTF-16LE");

    @Test
    void gzipBombStopsAtTheRatioAfterTheRecordsBeforeIt() {
        // 256 MiB that compress to about 256 KiB, after three rows
        byte[] bomb = Gzipped.repeated("n\n1\n2\n3\n", "x", 256L << 20);
        assertTrue(bomb.length < (4 << 20), "the bomb is small: " + bomb.length);
        List<SourceRecord> records = assertTimeoutPreemptively(BOUND,
                () -> Records.read(Format.CSV, Map.of(), bomb));
        SourceRecord last = records.get(records.size() - 1);
        assertFalse(last.isReadable());
        assertTrue(last.error().contains("(the limit tributary.ingestion.limits.gzip-ratio is 200)"), last.error());
        assertEquals(4, records.size());
        assertTrue(records.subList(0, 3).stream().allMatch(SourceRecord::isReadable));
    }

    @Test
    void gzipContentStopsAtItsDecompressedSize() throws IOException {
        ReadLimits limits = limits(100_000, 1_000_000, 1 << 20, 32 << 20, 1000, 256, 10_000);
        byte[] file = Gzipped.repeated("n\n", "1\n", 200_000);
        List<SourceRecord> records = read(Format.CSV, Map.of(), limits, file);
        SourceRecord last = records.get(records.size() - 1);
        assertTrue(last.error().contains("more than 100000 bytes (the limit tributary.ingestion.limits.gzip-size is "
                + "100000)"), last.error());
        assertTrue(records.size() > 10_000 && records.size() <= 50_001, "rows of the first 100000 bytes at most: "
                + records.size());
    }

    @Test
    void aTenMegabyteCsvFieldQuarantinesItsRowAndReadingGoesOn() {
        String csv = "id,note\n1,ok\n2," + "x".repeat(10 << 20) + "\n3,ok\n";
        for (Map<String, String> options : List.of(Map.<String, String>of(), UTF_16)) {
            byte[] bytes = csv.getBytes(options.isEmpty() ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16LE);
            List<SourceRecord> records = assertTimeoutPreemptively(BOUND,
                    () -> Records.read(Format.CSV, options, bytes));
            assertEquals(3, records.size(), "read from " + (options.isEmpty() ? "bytes" : "text"));
            assertTrue(records.get(0).isReadable());
            SourceRecord huge = records.get(1);
            assertFalse(huge.isReadable());
            assertEquals(3L, huge.position());
            assertEquals("field 2 (note) holds 10485760 characters, more than 2097152 (the limit "
                    + "tributary.ingestion.limits.field-size is 2097152)", huge.error());
            assertEquals(JsonSupport.MAX_RAW_LENGTH, huge.raw().length(), "the quarantine keeps a cut of it");
            assertEquals(List.of("3", "ok"), records.get(2).values());
        }
    }

    @Test
    void aCsvRecordLongerThanTheLimitEndsTheFileWithoutBeingHeld() throws IOException {
        ReadLimits limits = limits(1L << 30, 200, 100, 1000, 1000, 256, 10_000);
        String csv = "id,note\n1,ok\n2,\"" + "x,".repeat(1000) + "\"\n3,ok\n";
        for (Map<String, String> options : List.of(Map.<String, String>of(), UTF_16)) {
            byte[] bytes = csv.getBytes(options.isEmpty() ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16LE);
            List<SourceRecord> records = read(Format.CSV, options, limits, bytes);
            assertEquals(2, records.size());
            assertEquals(List.of("1", "ok"), records.get(0).values());
            assertTrue(records.get(1).error().startsWith("a record is longer than 1000 "), records.get(1).error());
            assertTrue(records.get(1).error().contains("(the limit tributary.ingestion.limits.record-size is 1000)"));
        }
    }

    @Test
    void tooManyColumnsEndAFileAtItsHeaderOrQuarantineARow() throws IOException {
        ReadLimits limits = limits(1L << 30, 200, 1 << 20, 1 << 20, 3, 256, 10_000);
        List<SourceRecord> wide = read(Format.CSV, Map.of(), limits, utf8("a,b,c,d\n1,2,3,4\n"));
        assertEquals(1, wide.size());
        assertTrue(wide.get(0).error().startsWith("the header names 4 fields, more than 3 (the limit "
                + "tributary.ingestion.limits.columns is 3)"), wide.get(0).error());
        List<SourceRecord> rows = read(Format.CSV, Map.of(), limits, utf8("a,b,c\n1,2,3,4\n5,6,7\n"));
        assertEquals("the row has 4 fields, more than 3 (the limit tributary.ingestion.limits.columns is 3)",
                rows.get(0).error());
        assertEquals(List.of("5", "6", "7"), rows.get(1).values());
        List<SourceRecord> objects = read(Format.NDJSON, Map.of(), limits,
                utf8("{\"a\":1,\"b\":{\"c\":2,\"d\":3,\"e\":4}}\n{\"a\":5}\n"));
        assertEquals(JsonErrorKind.LIMIT, JsonErrorKind.of(objects.get(0).error()));
        assertTrue(objects.get(0).error().contains("the object has 4 fields, more than 3"), objects.get(0).error());
        assertEquals(List.of("5"), objects.get(1).values());
    }

    @Test
    void deepJsonIsRefusedAtTheConfiguredDepth() throws IOException {
        ReadLimits limits = limits(1L << 30, 200, 1 << 20, 1 << 20, 1000, 4, 10_000);
        String deep = "{\"a\":".repeat(5) + "1" + "}".repeat(5);
        String shallow = "{\"a\":".repeat(3) + "1" + "}".repeat(3);
        List<SourceRecord> records = read(Format.JSON, Map.of(), limits, utf8("[" + shallow + "," + deep + "]"));
        assertTrue(records.get(0).isReadable());
        assertEquals(JsonErrorKind.LIMIT, JsonErrorKind.of(records.get(1).error()));
        assertTrue(records.get(1).error().contains("nested deeper than 4 levels (the limit "
                + "tributary.ingestion.limits.json-depth is 4)"), records.get(1).error());
        List<SourceRecord> lines = read(Format.NDJSON, Map.of(), limits, utf8(deep + "\n" + shallow + "\n"));
        assertEquals(JsonErrorKind.LIMIT, JsonErrorKind.of(lines.get(0).error()));
        assertTrue(lines.get(1).isReadable());
    }

    @Test
    void anObjectExplodingIntoMoreRecordsThanTheLimitIsOneUnreadableRecord() throws IOException {
        ReadLimits limits = limits(1L << 30, 200, 1 << 20, 1 << 20, 1000, 256, 3);
        String four = "{\"order\":1,\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"},{\"sku\":\"C\"},{\"sku\":\"D\"}]}";
        String three = "{\"order\":2,\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"},{\"sku\":\"C\"}]}";
        List<SourceRecord> records = read(Format.JSON, Map.of(), JsonShape.exploding("items"), limits,
                utf8("[" + four + "," + three + "]"));
        assertEquals(4, records.size());
        assertEquals(JsonErrorKind.LIMIT, JsonErrorKind.of(records.get(0).error()));
        assertTrue(records.get(0).error().contains("the array items would explode into more than 3 records (the limit "
                + "tributary.ingestion.limits.explode-records is 3)"), records.get(0).error());
        assertEquals(four, records.get(0).raw());
        assertTrue(records.subList(1, 4).stream().allMatch(SourceRecord::isReadable));
    }

    @Test
    void anObjectWhoseExplodedRecordsWouldRepeatTooMuchTextIsOneUnreadableRecord() throws IOException {
        ReadLimits limits = limits(1L << 30, 200, 1 << 20, 10_000, 1000, 256, 10_000);
        String order = "{\"note\":\"" + "n".repeat(1000) + "\",\"items\":[" + "{\"s\":1},".repeat(50) + "{\"s\":1}]}";
        List<SourceRecord> records = read(Format.NDJSON, Map.of(), JsonShape.exploding("items"), limits,
                utf8(order + "\n"));
        assertEquals(1, records.size());
        assertTrue(records.get(0).error().contains("more than 20000, twice the longest record (the limit "
                + "tributary.ingestion.limits.record-size is 10000)"), records.get(0).error());
    }

    private static ReadLimits limits(long gzipBytes, int gzipRatio, int fieldChars, int recordChars, int columns,
            int jsonDepth, int explodeRecords) {
        return new ReadLimits(gzipBytes, gzipRatio, fieldChars, recordChars, columns, jsonDepth, explodeRecords);
    }

    private static List<SourceRecord> read(Format format, Map<String, String> options, ReadLimits limits, byte[] bytes)
            throws IOException {
        return read(format, options, JsonShape.FLAT, limits, bytes);
    }

    private static List<SourceRecord> read(Format format, Map<String, String> options, JsonShape shape,
            ReadLimits limits, byte[] bytes) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(format, options, shape, limits,
                new java.io.ByteArrayInputStream(bytes))) {
            for (SourceRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
