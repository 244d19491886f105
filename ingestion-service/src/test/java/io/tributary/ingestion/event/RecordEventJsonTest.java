package io.tributary.ingestion.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.event.RecordEventDeserializer;
import io.tributary.ingestion.messaging.RecordEventSerializer;

/** The record event writer gives exactly Jackson's bytes, and Jackson reads them back as the same event. */
class RecordEventJsonTest {

    private static final String[] TEXTS = {"", "plain", "Row ID", "with \"quotes\"", "back\\slash", "tab\there",
            "line\nbreak\r\n", "\u0000\u0001\u001f\u007f", "\b\f", "café", "€ 10", "日本語", "emoji \uD83D\uDE00",
            "lone \uD800 surrogate", "/a/b", "<html>&amp;", "\u2028\u2029", "ÿ\u0080\u07ff\u0800\uffff"};

    private final RecordEventSerializer serializer = new RecordEventSerializer();
    private final Random random = new Random(7);

    @Test
    void writesWhatJacksonWrites() {
        int own = 0;
        for (int round = 0; round < 5_000; round++) {
            RecordEvent event = randomEvent(round);
            byte[] expected;
            try {
                expected = EventJson.write(event);
            } catch (IllegalArgumentException e) {
                assertThrows(IllegalArgumentException.class, () -> serializer.serialize("t", event));
                continue;
            }
            byte[] actual = serializer.serialize("t", event);
            if (RecordEventJson.writeOwn(event) != null) {
                own++;
            }
            assertArrayEquals(expected, actual, () -> new String(expected, StandardCharsets.UTF_8) + "\n"
                    + new String(actual, StandardCharsets.UTF_8));
        }
        // most events are written without Jackson: the comparison is about the writer, not about Jackson with itself
        assertTrue(own > 2_000, own + " events written without Jackson");
    }

    @Test
    void writesDecimalsAsToStringDoes() {
        for (String text : new String[]{"0", "0.000", "-0.5", "38.70", "-240.5892", "0.0000001", "0.000001", "1E+3",
                "123456789012345678", "1234567890123456789", "0.123456789012345678", "-999999999999999999.9", "7E-7",
                "0.00000", "0.000000", "0.0000000", "12.50", "-0.0001"}) {
            BigDecimal decimal = new BigDecimal(text);
            RecordEvent event = RecordEvent.accepted(UUID.randomUUID(), "shop", "1", Instant.EPOCH, "sales", 1,
                    UUID.randomUUID(), 1, new RecordData(new String[]{"d"}, new Object[]{decimal}));
            String json = new String(serializer.serialize("t", event), StandardCharsets.UTF_8);
            assertTrue(json.endsWith("\"data\":{\"d\":" + decimal + "}}"), json);
        }
    }

    @Test
    void writesIntegersOfEveryLengthAsToStringDoes() {
        List<Long> values = new ArrayList<>(List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            values.addAll(List.of(power, power - 1, -power, power + 1, 9 * power));
        }
        for (long value : values) {
            RecordEvent event = RecordEvent.accepted(UUID.randomUUID(), "shop", "1", Instant.EPOCH, "sales", 1,
                    UUID.randomUUID(), value, new RecordData(new String[]{"n"}, new Object[]{value}));
            assertArrayEquals(EventJson.write(event), serializer.serialize("t", event), Long.toString(value));
        }
    }

    @Test
    void writesAsciiTextAsTheStringItHolds() {
        String[] names = {"a", "b", "c", "d"};
        Object[] strings = {"say \"hi\"", "tab\there", "back\\slash", "plain"};
        String row = "x," + String.join(",", Arrays.copyOf(strings, strings.length, String[].class));
        byte[] bytes = row.getBytes(StandardCharsets.US_ASCII);
        Object[] held = new Object[strings.length];
        for (int i = 0; i < strings.length; i++) {
            int from = row.indexOf((String) strings[i]);
            held[i] = new AsciiText(bytes, from, from + ((String) strings[i]).length());
        }
        UUID id = UUID.randomUUID();
        RecordEvent withText = RecordEvent.accepted(id, "shop", "1", Instant.EPOCH, "sales", 1, id, 1,
                new RecordData(names, held));
        RecordEvent withStrings = RecordEvent.accepted(id, "shop", "1", Instant.EPOCH, "sales", 1, id, 1,
                new RecordData(names, strings));
        assertArrayEquals(EventJson.write(withStrings), serializer.serialize("t", withText));
    }

    @Test
    void readsBackAsTheSameEvent() {
        String[] names = {"row_id", "order_id", "sales", "order_date", "flag", "none"};
        Map<String, Object> data = new RecordData(names,
                new Object[]{42L, "CA-1", new BigDecimal("261.9600"), "2024-01-01", true, null});
        UUID id = UUID.randomUUID();
        RecordEvent event = RecordEvent.accepted(id, "shop", "42", Instant.parse("2024-01-02T03:04:05.123Z"), "sales",
                3, UUID.randomUUID(), 17, data);
        RecordEvent read = new RecordEventDeserializer().deserialize("t", serializer.serialize("t", event));
        assertEquals(event.id(), read.id());
        assertEquals(event.source(), read.source());
        assertEquals(event.dataschema(), read.dataschema());
        assertEquals(event.time(), read.time());
        assertEquals(Map.of("row_id", 42, "order_id", "CA-1", "sales", new BigDecimal("261.9600"), "order_date",
                "2024-01-01", "flag", true), withoutNulls(read.data()));
        assertEquals(new LinkedHashMap<>(data), data);
        assertEquals(data, new LinkedHashMap<>(data));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.values().removeIf(v -> v == null);
        return copy;
    }

    private RecordEvent randomEvent(int round) {
        int fields = random.nextInt(8);
        String[] names = new String[fields];
        Object[] values = new Object[fields];
        for (int i = 0; i < fields; i++) {
            names[i] = "f" + i + (random.nextInt(5) == 0 ? text() : "");
            values[i] = value();
        }
        Map<String, Object> data;
        if (!RecordData.usable(names) || random.nextBoolean()) {
            data = new LinkedHashMap<>();
            for (int i = 0; i < fields; i++) {
                // text held as bytes is for RecordData alone
                data.put(names[i], values[i] instanceof AsciiText text ? text.toString() : values[i]);
            }
        } else {
            data = new RecordData(names, values);
        }
        if (round % 50 == 0) {
            data = round % 100 == 0 ? null : Map.of("nested", Map.of("a", 1));
        }
        UUID id = random.nextInt(10) == 0 ? null : new UUID(random.nextLong(), random.nextLong());
        Instant time = random.nextInt(10) == 0
                ? null
                : Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(3) == 0
                        ? 0
                        : random.nextInt(1_000_000_000));
        String source = random.nextInt(4) == 0 ? text() : "shop";
        String subject = random.nextInt(5) == 0 ? null : text();
        if (random.nextInt(3) == 0) {
            return RecordEvent.accepted(id, source, subject, time, random.nextBoolean() ? "sales" : text(),
                    random.nextInt(3), UUID.randomUUID(), random.nextLong(), data);
        }
        return new RecordEvent(random.nextBoolean() ? null : text(), id, text(), text(), subject, time, text(), text(),
                text(), random.nextBoolean() ? null : new UUID(random.nextLong(), random.nextLong()), random.nextLong(),
                random.nextInt(), data);
    }

    /** ASCII text in the middle of a larger array, now and then with something to escape. */
    private AsciiText asciiText() {
        byte[] bytes = new byte[30];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(0x80) : 0x20 + random.nextInt(0x5f));
        }
        int from = random.nextInt(10);
        return new AsciiText(bytes, from, from + random.nextInt(20));
    }

    /** Decimals as data has them, of every scale around the switch to scientific notation. */
    private BigDecimal smallDecimal() {
        long unscaled = random.nextInt(3) == 0 ? random.nextInt(100) - 50 : random.nextLong() % 1_000_000_000_000L;
        return BigDecimal.valueOf(unscaled, random.nextInt(14) - 1);
    }

    private String text() {
        if (random.nextBoolean()) {
            return TEXTS[random.nextInt(TEXTS.length)];
        }
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x100) : (char) (0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    private Object value() {
        return switch (random.nextInt(14)) {
            case 0 -> null;
            case 1 -> random.nextLong();
            case 2 -> (long) random.nextInt(1000) - 500;
            case 3 -> Long.MIN_VALUE;
            case 4 -> new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(30) - 10);
            case 5 -> new BigDecimal(random.nextInt(100_000) + "." + random.nextInt(100));
            case 6 -> random.nextBoolean();
            case 7 -> random.nextInt();
            case 8 -> random.nextInt(20) == 0 ? List.of(1, 2) : new ArrayList<>(List.of("x"));
            case 9 -> random.nextInt(20) == 0 ? 1.5d : "2024-01-0" + (1 + random.nextInt(9));
            case 10 -> asciiText();
            case 11 -> smallDecimal();
            default -> text();
        };
    }
}
