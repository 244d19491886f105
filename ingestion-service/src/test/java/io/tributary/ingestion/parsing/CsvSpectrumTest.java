package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.catalog.entity.SourceEntity.Format;

/**
 * Every file of the csv-spectrum corpus, read the way the service reads a CSV source (encoding detected), parses to
 * the records its JSON file lists: same names, same values, same order.
 */
class CsvSpectrumTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCsvParsesToTheRecordsOfItsJson() throws IOException {
        Path corpus = Corpora.corpus("csv-spectrum");
        List<Path> csvs;
        try (Stream<Path> files = Files.list(corpus.resolve("csvs"))) {
            csvs = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertFalse(csvs.isEmpty(), "no CSV file in " + corpus);
        return csvs.stream().map(csv -> DynamicTest.dynamicTest(csv.getFileName().toString(), () -> {
            String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
            List<Map<String, String>> expected = expected(corpus.resolve("json").resolve(name + ".json"));
            byte[] bytes = Files.readAllBytes(csv);
            switch (name) {
                case "location_coordinates" -> {
                    // The corpus's JSON for this file gives the phone number 1234567890, but the CSV row holds
                    // 2095257564: the upstream corpus edited one file and not the other. The reader must give what
                    // the CSV holds; every other field must match the JSON.
                    assertEquals("1234567890", expected.get(0).get("Contact Phone Number"));
                    assertTrue(new String(bytes, "UTF-8").contains("\n2095257564,"));
                    expected.get(0).put("Contact Phone Number", "2095257564");
                }
                case "newlines_crlf" -> {
                    // The JSON says the quoted field holds "\r\n", but this copy of the CSV has no CR at all (its
                    // line ends were normalised to LF): the field truly holds "\n", and that is what must come out.
                    for (byte b : bytes) {
                        assertTrue(b != '\r', "newlines_crlf.csv now holds a CR: revisit this special case");
                    }
                    assertEquals("Once upon \r\na time", expected.get(1).get("a"));
                    expected.get(1).put("a", "Once upon \na time");
                }
                default -> {
                }
            }
            List<Map<String, String>> actual = new ArrayList<>();
            for (SourceRecord record : Records.read(Format.CSV, Map.of(), bytes)) {
                assertEquals(record.names().size(), record.values().size(), "ragged row at line " + record.position());
                actual.add(Records.fields(record));
            }
            assertEquals(expected, actual);
        }));
    }

    @TestFactory
    Stream<DynamicTest> recordsOfOneFileShareTheirHeaderList() throws IOException {
        Path corpus = Corpora.corpus("csv-spectrum");
        Path csv = corpus.resolve("csvs/newlines.csv");
        return Stream.of(DynamicTest.dynamicTest("newlines.csv", () -> {
            List<SourceRecord> records = Records.read(Format.CSV, Map.of(), Files.readAllBytes(csv));
            assertEquals(3, records.size());
            assertTrue(records.get(0).names() == records.get(2).names());
            assertEquals(List.of(2L, 3L, 5L), records.stream().map(SourceRecord::position).toList());
        }));
    }

    /** The JSON file's records: an array of objects, or one object. */
    private static List<Map<String, String>> expected(Path json) throws IOException {
        JsonNode root = JSON.readTree(json.toFile());
        List<Map<String, String>> records = new ArrayList<>();
        for (JsonNode object : root.isArray() ? root : List.of(root)) {
            Map<String, String> record = new LinkedHashMap<>();
            object.properties().forEach(e -> record.put(e.getKey(), e.getValue().asText()));
            records.add(record);
        }
        return records;
    }
}
