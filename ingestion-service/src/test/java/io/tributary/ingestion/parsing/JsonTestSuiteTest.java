package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.tributary.catalog.entity.SourceEntity.Format;

/**
 * Every file of JSONTestSuite's parsing corpus, read as a JSON source. The rules:
 * <ul>
 * <li>{@code y_} (valid JSON): the parser accepts it. Its records are readable, or, when the JSON is valid but not an
 * object (a top-level scalar, an array of scalars or of arrays), unreadable as {@link JsonErrorKind#NOT_AN_OBJECT}: a
 * record must be an object. Never a syntax error, never a limit.</li>
 * <li>{@code n_} (not JSON): some record is unreadable as a {@link JsonErrorKind#SYNTAX} error, except the files
 * nested past the depth limit, which the reader stops at the limit before it can see that the text is also
 * unclosed.</li>
 * <li>{@code i_} (the parser may do either): anything, provided every error is one of the kinds.</li>
 * </ul>
 * Every file is read within a few seconds and nothing throws; the same holds when the files are read as NDJSON.
 */
class JsonTestSuiteTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    /** n_ files nested deeper than the depth limit: rejected at the limit. */
    private static final Set<String> REJECTED_AT_DEPTH_LIMIT = Set.of("n_structure_100000_opening_arrays.json",
            "n_structure_open_array_object.json");

    @TestFactory
    Stream<DynamicTest> everyFileIsAcceptedOrRejectedAsItsPrefixSays() throws IOException {
        return Corpora.jsonTestSuite().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            byte[] bytes = Files.readAllBytes(file);
            List<SourceRecord> records = assertTimeoutPreemptively(BOUND,
                    () -> Records.read(Format.JSON, Map.of(), bytes));
            for (SourceRecord record : records) {
                if (!record.isReadable()) {
                    assertNotNull(JsonErrorKind.of(record.error()), name + ": an error of no known kind: " + record.error());
                    assertTrue(record.raw().length() <= JsonSupport.MAX_RAW_LENGTH);
                }
            }
            if (name.startsWith("y_")) {
                for (SourceRecord record : records) {
                    assertTrue(record.isReadable() || JsonErrorKind.of(record.error()) == JsonErrorKind.NOT_AN_OBJECT,
                            name + ": valid JSON rejected: " + record.error());
                }
            } else if (name.startsWith("n_")) {
                JsonErrorKind expected = REJECTED_AT_DEPTH_LIMIT.contains(name)
                        ? JsonErrorKind.LIMIT
                        : JsonErrorKind.SYNTAX;
                assertTrue(records.stream().anyMatch(r -> JsonErrorKind.of(r.error()) == expected),
                        name + ": invalid JSON not rejected with a " + expected + " error: " + records);
                SourceRecord last = records.get(records.size() - 1);
                assertEquals(expected, JsonErrorKind.of(last.error()), "the error ends the file");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyFileReadAsNdjsonFinishesWithoutThrowing() throws IOException {
        return Corpora.jsonTestSuite().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            byte[] bytes = Files.readAllBytes(file);
            List<SourceRecord> records = assertTimeoutPreemptively(BOUND,
                    () -> Records.read(Format.NDJSON, Map.of(), bytes));
            for (SourceRecord record : records) {
                if (!record.isReadable()) {
                    assertNotNull(JsonErrorKind.of(record.error()), name + ": an error of no known kind: " + record.error());
                }
            }
            String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            boolean oneLine = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && !text.isBlank();
            if (name.startsWith("n_") && oneLine) {
                assertTrue(records.stream().anyMatch(r -> !r.isReadable()), name + ": one-line invalid JSON accepted");
            }
        }));
    }
}
