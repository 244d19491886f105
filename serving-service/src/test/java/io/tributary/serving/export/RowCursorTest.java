package io.tributary.serving.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class RowCursorTest {

    @Test
    void givesBackTheKeyItWasMadeFrom() {
        for (String key : List.of("A-1", "", "ключ, with \"quotes\"", "k".repeat(2000))) {
            List<String> problems = new ArrayList<>();
            assertEquals(key, RowCursor.key(RowCursor.after(key), problems));
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void isUrlSafe() {
        String cursor = RowCursor.after("??>>//++");
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
    }

    @Test
    void noCursorIsTheFirstPage() {
        List<String> problems = new ArrayList<>();
        assertNull(RowCursor.key(null, problems));
        assertNull(RowCursor.key("", problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void namesACursorItDidNotGive() {
        String unmarked = Base64.getUrlEncoder().encodeToString("A-1".getBytes(StandardCharsets.UTF_8));
        String notUtf8 = Base64.getUrlEncoder().encodeToString(new byte[]{'k', '1', ':', (byte) 0xff});
        for (String cursor : List.of("not base64!", unmarked, notUtf8, "a".repeat(RowCursor.MAX_LENGTH + 1))) {
            List<String> problems = new ArrayList<>();
            assertNull(RowCursor.key(cursor, problems));
            assertEquals(1, problems.size(), cursor);
            assertTrue(problems.get(0).startsWith("query parameter 'cursor': '"), problems.get(0));
        }
    }
}
