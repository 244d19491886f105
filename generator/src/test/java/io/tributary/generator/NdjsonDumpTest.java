package io.tributary.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class NdjsonDumpTest {

    static final GeneratorOptions OPTIONS = CsvDumpTest.OPTIONS.withRows(3_000).withDays(3);
    static final Set<String> NUMERIC = Set.of(SalesColumns.ROW_ID, SalesColumns.SALES, SalesColumns.QUANTITY,
            SalesColumns.DISCOUNT, SalesColumns.PROFIT);

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesIdenticalBytes(@TempDir Path other) throws IOException {
        GeneratedDumps first = new SalesDumpGenerator(OPTIONS).writeNdjson(dir);
        GeneratedDumps second = new SalesDumpGenerator(OPTIONS).writeNdjson(other);
        for (int i = 0; i < first.files().size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.paths().get(i)), Files.readAllBytes(second.paths().get(i)));
        }
    }

    @Test
    void filesAreNamedByDateWithNdjsonExtension() throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(OPTIONS).writeNdjson(dir);
        assertEquals(List.of("sales-2018-12-30.ndjson", "sales-2018-12-31.ndjson", "sales-2019-01-01.ndjson"),
                dumps.paths().stream().map(path -> path.getFileName().toString()).toList());
    }

    @Test
    void everyLineIsAJsonObjectWithBigDecimals() throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(OPTIONS).writeNdjson(dir);
        long lines = 0;
        for (Path path : dumps.paths()) {
            for (String line : NdjsonLines.lines(path)) {
                JsonNode node = NdjsonLines.tree(line);
                assertTrue(node.isObject());
                lines++;
            }
        }
        assertEquals(dumps.totalLines(), lines);
    }

    @Test
    void linesAgreeWithCsvAndKeepLiteralDigits(@TempDir Path csvDir) throws IOException {
        GeneratedDumps json = new SalesDumpGenerator(OPTIONS).writeNdjson(dir);
        GeneratedDumps csv = new SalesDumpGenerator(OPTIONS).writeCsv(csvDir);
        assertEquals(csv.salesByRegionAndDate(), json.salesByRegionAndDate());
        for (int i = 0; i < csv.files().size(); i++) {
            List<CsvRecord> records = Rfc4180Reader.read(csv.paths().get(i));
            List<String> header = records.get(0).fields();
            List<String> lines = NdjsonLines.lines(json.paths().get(i));
            assertEquals(records.size() - 1, lines.size());
            for (int j = 0; j < lines.size(); j++) {
                List<String> fields = records.get(j + 1).fields();
                Map<String, JsonValue> values = NdjsonLines.literals(lines.get(j));
                assertEquals(header.subList(0, fields.size()), new ArrayList<>(values.keySet()));
                assertEquals(fields, values.values().stream().map(JsonValue::text).toList());
                if (Contract.violation(header, fields).isEmpty()) {
                    values.forEach((key, value) -> assertEquals(NUMERIC.contains(key), value.number(), key));
                }
            }
        }
    }

    @Test
    void numbersParseAsExactDecimalsAndMatchExpectations() throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(OPTIONS).writeNdjson(dir);
        SortedMap<String, BigDecimal> byRegion = new TreeMap<>();
        for (Path path : dumps.paths()) {
            Set<String> seen = new HashSet<>();
            for (String line : NdjsonLines.lines(path)) {
                JsonNode node = NdjsonLines.tree(line);
                if (!seen.add(line) || !satisfiesContract(node)) {
                    continue;
                }
                assertTrue(node.get(SalesColumns.SALES).isBigDecimal() || node.get(SalesColumns.SALES).isInt());
                byRegion.merge(node.get(SalesColumns.REGION).asText(), node.get(SalesColumns.SALES).decimalValue(),
                        BigDecimal::add);
            }
        }
        assertEquals(dumps.salesByRegion().keySet(), byRegion.keySet());
        dumps.salesByRegion().forEach((region, total) -> assertEquals(0, total.compareTo(byRegion.get(region))));
    }

    @Test
    void nonBreakingSpacesAndQuotesSurviveInStrings() throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(OPTIONS).writeNdjson(dir);
        boolean nbsp = false;
        boolean quote = false;
        for (Path path : dumps.paths()) {
            for (String line : NdjsonLines.lines(path)) {
                String name = NdjsonLines.tree(line).path("Product Name").asText();
                nbsp |= name.contains("\u00A0");
                quote |= name.contains("\"");
            }
        }
        assertTrue(nbsp);
        assertTrue(quote);
    }

    @Test
    void anomaliesAreRejectedByTheContract() throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(OPTIONS).writeNdjson(dir);
        long rejected = 0;
        long duplicates = 0;
        for (Path path : dumps.paths()) {
            Set<String> seen = new HashSet<>();
            for (String line : NdjsonLines.lines(path)) {
                if (!seen.add(line)) {
                    duplicates++;
                } else if (!satisfiesContract(NdjsonLines.tree(line))) {
                    rejected++;
                }
            }
        }
        assertEquals(dumps.expectedQuarantined(), rejected);
        assertEquals(dumps.expectedDuplicates(), duplicates);
        assertFalse(rejected == 0);
    }

    /** As the demo contract sees a record: keys it does not require may be missing. */
    private static boolean satisfiesContract(JsonNode node) {
        return node.path(SalesColumns.ROW_ID).canConvertToLong() && node.path(SalesColumns.ROW_ID).isIntegralNumber()
                && node.path(SalesColumns.SALES).isNumber()
                && !node.path(SalesColumns.ORDER_ID).asText().isEmpty()
                && !node.path(SalesColumns.REGION).asText().isEmpty()
                && Contract.isDate(node.path(SalesColumns.ORDER_DATE).asText());
    }
}
