package io.tributary.ingestion.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.entity.SourceEntity;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.RecordReaders;
import io.tributary.ingestion.parsing.SourceRecord;

class KeyIndexTest {

    @Test
    void tellsNewKeysExactRepeatsAndConflicts() {
        KeyIndex index = new KeyIndex();
        assertEquals(KeyIndex.Seen.NEW, index.offer("1", "1,a,10"));
        assertEquals(KeyIndex.Seen.SAME_RECORD, index.offer("1", "1,a,10"));
        assertEquals(KeyIndex.Seen.OTHER_RECORD, index.offer("1", "1,a,11"));
        assertEquals(KeyIndex.Seen.NEW, index.offer("2", "1,a,10"));
    }

    @Test
    void hashesAsciiBytesAsTheTextTheyMake() {
        Random random = new Random(9);
        for (int n = 0; n < 300; n++) {
            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++) {
                bytes[i] = (byte) random.nextInt(0x80);
            }
            assertEquals(KeyIndex.hash(new String(bytes, StandardCharsets.US_ASCII)), KeyIndex.hashAscii(bytes));
        }
    }

    @Test
    void takesARowReadFromBytesAsItsRawText() throws IOException {
        String csv = "id,name\n1,plain\n1,plain\n1,café\n1,café\n2,\"x, \"\"y\"\"\"\n";
        List<SourceRecord> rows = new ArrayList<>();
        try (RecordReader reader = RecordReaders.open(SourceEntity.Format.CSV, Map.of(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            for (SourceRecord row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        KeyIndex fromRecords = new KeyIndex();
        KeyIndex fromText = new KeyIndex();
        for (SourceRecord row : rows) {
            String key = row.values().get(0);
            assertEquals(fromText.offer(key, row.raw()), fromRecords.offer(key, row), row.raw());
        }
    }

    /** The plain version: a map of each key to the first record that took it. */
    @Test
    void agreesWithAMapOfKeysToTheirFirstRecord() {
        Random random = new Random(21);
        KeyIndex index = new KeyIndex();
        Map<String, String> firstRecord = new HashMap<>();
        for (int i = 0; i < 600_000; i++) {
            // keys repeat often, records of a repeated key now the same and now not
            String key = (random.nextBoolean() ? "k" : "CA-") + random.nextInt(i < 300_000 ? 2_000 : 400_000);
            String record = key + "," + random.nextInt(3) + (random.nextInt(50) == 0 ? "café" : "");
            String first = firstRecord.putIfAbsent(key, record);
            KeyIndex.Seen expected = first == null
                    ? KeyIndex.Seen.NEW
                    : first.equals(record) ? KeyIndex.Seen.SAME_RECORD : KeyIndex.Seen.OTHER_RECORD;
            assertEquals(expected, index.offer(key, record), () -> key + " / " + record);
        }
    }

    @Test
    void keepsEveryKeyAcrossGrowth() {
        KeyIndex index = new KeyIndex();
        for (int i = 0; i < 200_000; i++) {
            assertEquals(KeyIndex.Seen.NEW, index.offer("key-" + i, "row " + i));
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertEquals(KeyIndex.Seen.SAME_RECORD, index.offer("key-" + i, "row " + i));
            assertEquals(KeyIndex.Seen.OTHER_RECORD, index.offer("key-" + i, "changed " + i));
        }
    }

    @Test
    void movesOffTheHeapPastItsLimitAndKeepsEveryKey() {
        KeyIndex index = new KeyIndex();
        int keys = KeyIndex.HEAP_LONGS / 2;
        // counting down: every key is looked up in the table
        for (int i = keys - 1; i >= 0; i--) {
            assertEquals(KeyIndex.Seen.NEW, index.offer("key-" + i, "row " + i));
        }
        assertTrue(index.isMapped(), "the table is in a mapped file once it outgrows the heap limit");
        for (int i = 0; i < keys; i += 991) {
            assertEquals(KeyIndex.Seen.SAME_RECORD, index.offer("key-" + i, "row " + i));
            assertEquals(KeyIndex.Seen.OTHER_RECORD, index.offer("key-" + i, "changed " + i));
        }
        assertEquals(KeyIndex.Seen.NEW, index.offer("key-" + keys, "row"));
    }

    @Test
    void keepsKeysThatComeInOrderOffTheHeapPastItsLimitAndFindsThemOnceOneDoesNot() {
        KeyIndex index = new KeyIndex();
        // counting up: the pairs are appended, two longs each, until they outgrow the heap limit
        int keys = KeyIndex.HEAP_LONGS / 2 + 1;
        for (int i = 0; i < keys; i++) {
            assertEquals(KeyIndex.Seen.NEW, index.offer(Integer.toString(i), "row " + i));
        }
        assertTrue(index.isMapped(), "the pairs taken in order are in a mapped file once they outgrow the heap limit");
        assertEquals(KeyIndex.Seen.SAME_RECORD, index.offer("0", "row 0"));
        assertTrue(index.isMapped(), "the table of as many keys is in a mapped file too");
        for (int i = 0; i < keys; i += 991) {
            assertEquals(KeyIndex.Seen.SAME_RECORD, index.offer(Integer.toString(i), "row " + i));
            assertEquals(KeyIndex.Seen.OTHER_RECORD, index.offer(Integer.toString(i), "changed " + i));
        }
        assertEquals(KeyIndex.Seen.NEW, index.offer(Integer.toString(keys), "row"));
    }

    @Test
    void ordersKeysByLengthThenCharByChar() {
        assertTrue(KeyIndex.comesAfter("10", "9"));
        assertTrue(KeyIndex.comesAfter("CA-2", "CA-1"));
        assertTrue(KeyIndex.comesAfter("b", "a"));
        assertTrue(!KeyIndex.comesAfter("9", "10"));
        assertTrue(!KeyIndex.comesAfter("7", "7"));
        assertTrue(!KeyIndex.comesAfter("a", "b"));
    }

    /**
     * The index with its run of keys in order against the plain one: the same answer for every record, whether the
     * keys come in order, in order with repeats (exact or not) after them, from the start out of order, or a long run
     * in order broken late and then random.
     */
    @Test
    void tellsEveryRecordAsThePlainIndexDoes() {
        Random random = new Random(34);
        List<List<String[]>> inputs = new ArrayList<>();
        List<String[]> counting = new ArrayList<>();
        for (int i = 1; i <= 50_000; i++) {
            counting.add(new String[]{Integer.toString(i), i + ",a," + (i % 7)});
        }
        inputs.add(counting);
        List<String[]> withRepeats = new ArrayList<>(counting);
        for (int i = 0; i < 20_000; i++) {
            int k = 1 + random.nextInt(60_000);
            withRepeats.add(new String[]{Integer.toString(k), k + ",a," + (random.nextBoolean() ? k % 7 : 9)});
        }
        inputs.add(withRepeats);
        List<String[]> repeatAtOnce = new ArrayList<>();
        repeatAtOnce.add(new String[]{"5", "5,x"});
        repeatAtOnce.add(new String[]{"5", "5,x"});
        repeatAtOnce.add(new String[]{"5", "5,y"});
        repeatAtOnce.add(new String[]{"6", "6,x"});
        repeatAtOnce.add(new String[]{"4", "4,x"});
        repeatAtOnce.add(new String[]{"5", "5,x"});
        inputs.add(repeatAtOnce);
        List<String[]> shuffled = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            String key = "CA-" + random.nextInt(30_000);
            shuffled.add(new String[]{key, key + "," + random.nextInt(2)});
        }
        inputs.add(shuffled);
        List<String[]> brokenLate = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            brokenLate.add(new String[]{"OL-" + (100_000 + i), "row " + i});
        }
        for (int i = 0; i < 100_000; i++) {
            int k = 100_000 + random.nextInt(500_000);
            brokenLate.add(new String[]{"OL-" + k, "row " + (k - 100_000) + (random.nextInt(4) == 0 ? "!" : "")});
        }
        inputs.add(brokenLate);
        for (List<String[]> input : inputs) {
            KeyIndex index = new KeyIndex();
            KeyIndex plain = KeyIndex.plain();
            for (String[] record : input) {
                assertEquals(plain.offer(record[0], record[1]), index.offer(record[0], record[1]),
                        () -> record[0] + " / " + record[1]);
            }
        }
    }
}
