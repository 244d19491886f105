package io.tributary.ingestion.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RecordEventsTest {

    @Test
    void idIsTheNameBasedUuidOfSourceAndKey() {
        String[] texts = {"", "shop", "1", "CA-2016-152156|1", "café", "日本", "\uD83D\uDE00", "\uD800", "\uDC00x",
                "a\nb", "x".repeat(300)};
        for (String source : texts) {
            for (String key : texts) {
                assertSame(source, key);
            }
        }
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            assertSame(random(random), random(random));
        }
    }

    private static void assertSame(String source, String key) {
        UUID expected = UUID.nameUUIDFromBytes((source + '\n' + key).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, RecordEvents.id(source, key), () -> source + " / " + key);
    }

    private static String random(Random random) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(80);
        for (int i = 0; i < n; i++) {
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : 0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }
}
