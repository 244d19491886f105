package io.tributary.ingestion.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
        for (int i = 0; i < keys; i++) {
            assertEquals(KeyIndex.Seen.NEW, index.offer("key-" + i, "row " + i));
        }
        assertTrue(index.isMapped(), "the table is in a mapped file once it outgrows the heap limit");
        for (int i = 0; i < keys; i += 991) {
            assertEquals(KeyIndex.Seen.SAME_RECORD, index.offer("key-" + i, "row " + i));
            assertEquals(KeyIndex.Seen.OTHER_RECORD, index.offer("key-" + i, "changed " + i));
        }
        assertEquals(KeyIndex.Seen.NEW, index.offer("key-" + keys, "row"));
    }
}
