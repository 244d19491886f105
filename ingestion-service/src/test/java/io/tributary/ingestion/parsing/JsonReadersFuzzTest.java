package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided: the JSON and NDJSON readers (and the flattener behind them) read any text without throwing, and
 * without their safety net catching an exception, flattening every object or in the shape of a contract that explodes
 * {@code items} and keeps {@code a} whole. Each record is either readable, with one value per distinct name, or
 * unreadable, with an error of a known kind; every record has its raw text and a position from 1 on; an item of an
 * exploded array has its position in it, from 1 to the number of its items. Replays {@code JsonReadersFuzzTestInputs/} in every build.
 */
class JsonReadersFuzzTest {

    @FuzzTest
    @DictionaryEntries({"{", "}", "[", "]", "\"", ":", ",", "{\"a\":", "[{\"b\":1},{\"b\":2}]", "true", "false",
            "null", "1e400", "-0.0", "\\u0000", "\\ud800", "\\\"", "{}", "[]", "\"items\":[", "\"a\":{"})
    void jsonAndNdjsonReadersYieldRecordsForAnyText(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        try (RecordReader json = new JsonRecordReader(new StringReader(text))) {
            check(json);
        }
        try (RecordReader ndjson = new NdjsonRecordReader(new StringReader(text))) {
            check(ndjson);
        }
        try (RecordReader json = new JsonRecordReader(new StringReader(text), SHAPE)) {
            check(json);
        }
        try (RecordReader ndjson = new NdjsonRecordReader(new StringReader(text), SHAPE)) {
            check(ndjson);
        }
    }

    private static final JsonShape SHAPE = new JsonShape("items", Set.of("a"));

    private static void check(RecordReader reader) throws IOException {
        long last = 1;
        for (SourceRecord next = reader.next(); next != null; next = reader.next()) {
            SourceRecord record = next;
            assertNotNull(record.raw(), "raw text");
            assertTrue(record.position() >= last, () -> "positions go forward: " + record);
            last = record.position();
            assertTrue(record.item() == 0 && record.items() == 0
                    || record.item() >= 1 && record.item() <= record.items(), () -> "an item of its array: " + record);
            if (record.isReadable()) {
                List<String> names = record.names();
                assertEquals(names.size(), record.values().size(), () -> "a value per name: " + record);
                assertEquals(names.size(), new HashSet<>(names).size(), () -> "names are distinct: " + record);
            } else {
                assertNotNull(JsonErrorKind.of(record.error()), () -> "an error of a known kind: " + record);
                // the wording of JsonSupport.unexpected, the readers' safety net for exceptions nobody declared
                assertFalse(record.error().contains(": the parser stopped ("), () -> "an exception the parser or "
                        + "the flattener should not have thrown: " + record.error());
            }
        }
    }
}
