package io.tributary.transform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.local.DemoLoader;
import io.tributary.transform.apply.AcceptedRecord;

/**
 * The one-pass reader decodes every record it takes as the event mapper does (event, data's JSON text and its hash),
 * and leaves every record it does not take, among them every one the mapper refuses, to the mapper.
 */
class CanonicalEventReaderTest {

    private static final String TOPIC = Channels.ACCEPTED_RECORDS;
    private static final ObjectMapper LINES = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final CanonicalEventReader reader = new CanonicalEventReader();
    private final AcceptedRecordDeserializer deserializer = new AcceptedRecordDeserializer(null);

    @Test
    void readsEveryDemoRecordAsTheEventMapperDoes(@TempDir Path dir) throws IOException {
        List<byte[]> events = demoEvents(dir);
        assertTrue(events.size() >= 2_000, "demo records: " + events.size());
        for (byte[] event : events) {
            AcceptedRecord read = reader.read(event);
            assertNotNull(read, () -> new String(event, StandardCharsets.UTF_8));
            assertEquals(deserializer.generally(TOPIC, event), read);
        }
    }

    @Test
    void readsEdgeCasesAsTheEventMapperDoesOrLeavesThemToIt() {
        String data = "{\"a\":1}";
        List<String> taken = List.of(
                event(data),
                event("{}"),
                event("{\"s\":\"caf\\u00e9 \\/ \\\"q\\\" \\\\ \\n\\t\\u0001 €😀\",\"e\":\"\"}"),
                event("{\"i\":-0,\"j\":2147483648,\"k\":9223372036854775808,\"l\":-2147483649}"),
                event("{\"f\":1e2,\"g\":1.50,\"h\":0.0000001,\"n\":-0.0,\"o\":1E+400,\"p\":12345678901234567890.123}"),
                event("{\"t\":true,\"u\":false,\"v\":null}"),
                event(" {\"a\" : 1 , \"b\" :\t\"x\" }\n"),
                event(data).replace("\"subject\":\"7\"", "\"subject\":null"),
                event(data).replace("\"tributaryposition\":2", "\"tributaryposition\":9223372036854775807"),
                event(data).replace("2024-03-01T10:00:00Z", "2024-03-01T10:00:00.123456789Z"),
                event(data).replace(ID, ID.toUpperCase()));
        for (String json : taken) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            AcceptedRecord read = reader.read(bytes);
            assertNotNull(read, json);
            assertEquals(deserializer.generally(TOPIC, bytes), read, json);
        }
        List<String> left = new ArrayList<>(List.of(
                event("{\"a\":1,\"a\":2}"),
                event("{\"a\":null,\"a\":null}"),
                event("{\"o\":{\"x\":1}}"),
                event("{\"l\":[1,2]}"),
                event("null").replace("\"data\":null", "\"data\":null"),
                event(data).replace("\"specversion\":\"1.0\"", "\"specversion\":1.0"),
                event(data).replace("\"specversion\":\"1.0\",", ""),
                event(data).replace("\"specversion\":\"1.0\"", "\"specversion\":\"1.0\",\"specversion\":\"1.0\""),
                event(data).replace("\"specversion\":\"1.0\"", "\"specversion\":\"1.0\",\"extra\":{\"x\":[1]}"),
                event(data).replace("\"tributaryposition\":2", "\"tributaryposition\":\"2\""),
                event(data).replace("\"tributaryposition\":2", "\"tributaryposition\":2.0"),
                event(data).replace("\"tributaryposition\":2", "\"tributaryposition\":92233720368547758070"),
                event(data).replace("\"tributarycontractversion\":1", "\"tributarycontractversion\":2147483648"),
                event(data).replace("\"tributarycontractversion\":1", "\"tributarycontractversion\":null"),
                event(data).replace("2024-03-01T10:00:00Z", "2024-03-01T10:00:00+01:00"),
                event(data).replace("2024-03-01T10:00:00Z", "2024-03-01T10:00:00z"),
                event(data).replace("2024-03-01T10:00:00Z", "1709287200000"),
                event(data).replace("2024-03-01T10:00:00Z", "2024-02-30T10:00:00Z"),
                event(data).replace("2024-03-01T10:00:00Z", "2024-03-01T25:00:00Z"),
                event(data).replace("\"2024-03-01T10:00:00Z\"", "1709287200"),
                event(data).replace(ID, "1-1-1-1-1"),
                event(data).replace(ID, "+" + ID.substring(1)),
                event(data).replace(ID, ID.replace('-', 'x')),
                event(data).replace("\"" + ID + "\"", "42"),
                event(data) + " trailing",
                event(data) + "{}",
                event(data).substring(0, 40),
                "[]", "null", "42", "\"text\"", "{}", "", "{not json"));
        for (String json : left) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertNull(reader.read(bytes), json);
            assertSameAsTheMapper(bytes);
        }
    }

    @Test
    void agreesWithTheEventMapperOnDamagedRecords(@TempDir Path dir) throws IOException {
        List<byte[]> events = demoEvents(dir).subList(0, 200);
        String[] pieces = {"\"", "\\", "{", "}", "[", "]", ",", ":", "0", "-", ".", "e", "null", "true", " ", "é", "\\u00",
                "Z", "T", "\"x\":1,", "1e999999", "\"\"", ""};
        Random random = new Random(5);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder json = new StringBuilder(new String(events.get(random.nextInt(events.size())),
                    StandardCharsets.UTF_8));
            for (int change = 1 + random.nextInt(3); change > 0; change--) {
                int at = random.nextInt(json.length());
                int end = Math.min(json.length(), at + random.nextInt(4));
                json.replace(at, end, pieces[random.nextInt(pieces.length)]);
            }
            assertSameAsTheMapper(json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsTimesAsInstantParseDoes() {
        Random random = new Random(9);
        for (int round = 0; round < 100_000; round++) {
            Instant time = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    switch (round % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertEquals(time, CanonicalEventReader.time(time.toString()), time::toString);
        }
        for (String text : List.of("2024-03-01T10:00:00.1Z", "2024-03-01T10:00:00.000000001Z", "2024-02-29T23:59:59Z",
                "2024-12-31T24:00:00Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z")) {
            assertEquals(Instant.parse(text), CanonicalEventReader.time(text), text);
        }
        for (String text : List.of("2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z",
                "2024-00-01T10:00:00Z", "2024-03-00T10:00:00Z", "2024-03-01T10:60:00Z", "2024-03-01T99:99:99Z")) {
            assertThrows(DateTimeException.class, () -> Instant.parse(text), text);
            assertThrows(DateTimeException.class, () -> CanonicalEventReader.time(text), text);
        }
        for (String text : List.of("2024-03-01T10:00:00.Z", "2024-03-01T10:00:00.0000000001Z", "2024-03-01t10:00:00Z",
                "2024-03-01T10:00:00z", "2024-03-01T10:00:00+00:00", "+2024-03-01T10:00:00Z", "2024-3-01T10:00:00Z",
                "2024-03-01 10:00:00Z", "2024-03-01T10:00:00,5Z", "")) {
            assertNull(CanonicalEventReader.time(text), text);
        }
    }

    /** What the deserializer answers is what the mapper answers, or both refuse the record. */
    private void assertSameAsTheMapper(byte[] bytes) {
        AcceptedRecord expected;
        try {
            expected = deserializer.generally(TOPIC, bytes);
        } catch (RuntimeException refused) {
            AcceptedRecord read = reader.read(bytes);
            assertNull(read, () -> "refused by the mapper, read by the reader: " + new String(bytes,
                    StandardCharsets.UTF_8));
            return;
        }
        assertEquals(expected, deserializer.deserialize(TOPIC, bytes), () -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static String event(String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + ID + "\",\"source\":\"/tributary/sources/shop\","
                + "\"type\":\"io.tributary.record.accepted.v1\",\"subject\":\"7\",\"time\":\"2024-03-01T10:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"dataschema\":\"/api/contracts/sales/versions/1\","
                + "\"tributarydataset\":\"sales\",\"tributarybatch\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\","
                + "\"tributaryposition\":2,\"tributarycontractversion\":1,\"data\":" + data + "}";
    }

    /** The demo's order lines (its anomalies and duplicates among them) as ingestion's events. */
    private static List<byte[]> demoEvents(Path dir) throws IOException {
        List<byte[]> events = new ArrayList<>();
        UUID batch = UUID.randomUUID();
        for (Path file : new SalesDumpGenerator(DemoLoader.demoOptions()).writeNdjson(dir).paths()) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> data = LINES.readValue(line, Map.class);
                RecordEvent event = RecordEvent.accepted(UUID.randomUUID(), DemoLoader.SOURCE,
                        Integer.toString(events.size()), Instant.parse("2024-01-01T00:00:00Z").plusMillis(
                                events.size() * 1_001L),
                        DemoLoader.DATASET, 1, batch, events.size(), data);
                events.add(EventJson.write(event));
            }
        }
        return events;
    }
}
