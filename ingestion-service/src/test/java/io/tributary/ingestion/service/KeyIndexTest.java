package io.tributary.ingestion.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
