package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextColumnsTest {

    @Test
    void findsNulAndHalvesOfSurrogatePairs() {
        assertEquals(-1, TextColumns.firstUnstorable("plain text, and a pair \ud83d\ude00"));
        assertEquals(1, TextColumns.firstUnstorable("a\u0000"));
        assertEquals(1, TextColumns.firstUnstorable("a\ud800b"));
        assertEquals(0, TextColumns.firstUnstorable("\udc00"));
        assertEquals(1, TextColumns.firstUnstorable("a\ud800"));
    }

    @Test
    void escapesWhatATextColumnCannotHoldAndKeepsTheRest() {
        assertEquals("a\\u0000b\\ud800c\ud83d\ude00", TextColumns.escaped("a\u0000b\ud800c\ud83d\ude00"));
        String plain = "nothing to escape";
        assertSame(plain, TextColumns.escaped(plain));
    }
}
