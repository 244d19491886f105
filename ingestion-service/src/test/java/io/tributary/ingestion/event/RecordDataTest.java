package io.tributary.ingestion.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.event.EventJson;

class RecordDataTest {

    private static final byte[] ROW = "1,CA-1,West".getBytes(StandardCharsets.US_ASCII);

    @Test
    void showsAsciiTextAsItsString() {
        RecordData data = new RecordData(new String[]{"id", "order", "region"},
                new Object[]{1L, new AsciiText(ROW, 2, 6), new AsciiText(ROW, 7, 11)});

        assertEquals("CA-1", data.get("order"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 1L);
        expected.put("order", "CA-1");
        expected.put("region", "West");
        assertEquals(expected, data);
        assertEquals(data, expected);
        assertEquals(expected.hashCode(), data.hashCode());
        assertEquals("{id=1, order=CA-1, region=West}", data.toString());
    }

    @Test
    void equalsTheSameDataWithStrings() {
        String[] names = {"order"};
        RecordData held = new RecordData(names, new Object[]{new AsciiText(ROW, 2, 6)});
        RecordData strings = new RecordData(names, new Object[]{"CA-1"});

        assertEquals(strings, held);
        assertEquals(held, strings);
    }

    @Test
    void showsValuesLeftInTheirRowAsTheirStrings() {
        AsciiFields row = new AsciiFields() {
            private final int[] bounds = {0, 1, 2, 6, 7, 11};

            @Override
            public byte[] bytes() {
                return ROW;
            }

            @Override
            public int from(int field) {
                return bounds[2 * field];
            }

            @Override
            public int to(int field) {
                return bounds[2 * field + 1];
            }

            @Override
            public boolean escapesNothing(int field) {
                return true;
            }

            @Override
            public String text(int field) {
                return new String(ROW, from(field), to(field) - from(field), StandardCharsets.US_ASCII);
            }
        };
        RecordData data = new RecordData(new String[]{"region", "id", "order"}, new Object[]{row, 1L, row}, row,
                new int[]{2, -1, 1});

        assertEquals(Map.of("region", "West", "id", 1L, "order", "CA-1"), data);
        assertEquals("{region=West, id=1, order=CA-1}", data.toString());
        assertEquals(new String(EventJson.write(Map.of("d", data)), StandardCharsets.UTF_8),
                new String(EventJson.write(Map.of("d", new LinkedHashMap<>(data))), StandardCharsets.UTF_8));
    }

    @Test
    void asciiTextIsTheRangeOfItsBytes() {
        assertEquals("CA-1", new AsciiText(ROW, 2, 6).toString());
        assertEquals("", new AsciiText(ROW, 11, 11).toString());
        assertThrows(IndexOutOfBoundsException.class, () -> new AsciiText(ROW, 5, 12));
    }
}
