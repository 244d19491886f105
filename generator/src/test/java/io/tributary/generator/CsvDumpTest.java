package io.tributary.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDumpTest {

    static final GeneratorOptions OPTIONS = GeneratorOptions.defaults()
            .withSeed(7)
            .withRows(6_000)
            .withDays(5)
            .withStartDate(LocalDate.of(2018, 12, 30))
            .withAnomalyRate(0.04)
            .withDuplicateRate(0.03);

    @TempDir
    static Path dir;
    static GeneratedDumps dumps;
    static List<ParsedCsvDump> parsed;

    @BeforeAll
    static void generate() throws IOException {
        dumps = new SalesDumpGenerator(OPTIONS).writeCsv(dir);
        parsed = new ArrayList<>();
        for (Path path : dumps.paths()) {
            parsed.add(ParsedCsvDump.read(path));
        }
    }

    static List<CsvRecord> validRecords() {
        return parsed.stream().flatMap(dump -> dump.valid().stream()).toList();
    }

    static String value(CsvRecord record, String column) {
        return record.fields().get(SalesColumns.STANDARD.indexOf(column));
    }

    @Test
    void sameSeedWritesIdenticalBytes(@TempDir Path other) throws IOException {
        GeneratedDumps again = new SalesDumpGenerator(OPTIONS).writeCsv(other);
        assertEquals(dumps.files().size(), again.files().size());
        for (int i = 0; i < dumps.files().size(); i++) {
            assertArrayEquals(Files.readAllBytes(dumps.paths().get(i)), Files.readAllBytes(again.paths().get(i)));
        }
        assertEquals(dumps.salesByRegionAndDate(), again.salesByRegionAndDate());
    }

    @Test
    void differentSeedsWriteDifferentBytes(@TempDir Path other) throws IOException {
        GeneratedDumps different = new SalesDumpGenerator(OPTIONS.withSeed(8)).writeCsv(other);
        for (int i = 0; i < dumps.files().size(); i++) {
            assertFalse(Arrays.equals(Files.readAllBytes(dumps.paths().get(i)),
                    Files.readAllBytes(different.paths().get(i))));
        }
    }

    @Test
    void numbersRowIdsFromTheFirstAskedForAndWritesTheRestAlike(@TempDir Path one, @TempDir Path other)
            throws IOException {
        GeneratorOptions clean = GeneratorOptions.defaults().withSeed(7).withRows(2_000).withDays(2);
        long first = 3_000_000_001L;
        GeneratedDumps dumps = new SalesDumpGenerator(clean).writeCsv(one);
        GeneratedDumps apart = new SalesDumpGenerator(clean.withFirstRowId(first)).writeCsv(other);
        assertEquals(dumps.files().size(), apart.files().size());
        for (int i = 0; i < dumps.files().size(); i++) {
            List<String> lines = Files.readAllLines(dumps.paths().get(i));
            List<String> moved = Files.readAllLines(apart.paths().get(i));
            assertEquals(lines.size(), moved.size());
            assertEquals(lines.get(0), moved.get(0));
            for (int line = 1; line < lines.size(); line++) {
                String before = lines.get(line);
                String after = moved.get(line);
                int comma = before.indexOf(',');
                int movedComma = after.indexOf(',');
                assertEquals(Long.parseLong(before.substring(0, comma)) + first - 1,
                        Long.parseLong(after.substring(0, movedComma)));
                assertEquals(before.substring(comma), after.substring(movedComma));
            }
        }
    }

    @Test
    void writesOneFilePerDayNamedByDate() {
        List<String> names = dumps.paths().stream().map(path -> path.getFileName().toString()).toList();
        assertEquals(List.of("sales-2018-12-30.csv", "sales-2018-12-31.csv", "sales-2019-01-01.csv",
                "sales-2019-01-02.csv", "sales-2019-01-03.csv"), names);
        assertTrue(dumps.paths().stream().allMatch(path -> path.getParent().equals(dir)));
    }

    @Test
    void countsAddUp() {
        assertEquals(OPTIONS.rows(), dumps.expectedAccepted());
        assertEquals(Math.round(OPTIONS.rows() * OPTIONS.anomalyRate()), dumps.expectedQuarantined());
        assertEquals(Math.round(OPTIONS.rows() * OPTIONS.duplicateRate()), dumps.expectedDuplicates());
        assertEquals(dumps.totalLines(),
                dumps.expectedAccepted() + dumps.expectedQuarantined() + dumps.expectedDuplicates());
        assertEquals(dumps.totalLines(), dumps.files().stream().mapToLong(DumpFile::lines).sum());
        for (DumpFile file : dumps.files()) {
            assertEquals(file.lines(), file.accepted() + file.quarantined() + file.duplicates());
        }
    }

    @Test
    void parsedLinesMatchExpectedCountsPerFile() {
        for (int i = 0; i < parsed.size(); i++) {
            ParsedCsvDump dump = parsed.get(i);
            DumpFile file = dumps.files().get(i);
            assertEquals(file.accepted(), dump.valid().size(), dump.path().toString());
            assertEquals(file.quarantined(), dump.quarantined().size(), dump.path().toString());
            assertEquals(file.duplicates(), dump.duplicates().size(), dump.path().toString());
        }
    }

    @Test
    void everyFileStartsWithTheSuperstoreHeader() {
        String expected = "Row ID,Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,"
                + "Country,City,State,Postal Code,Region,Product ID,Category,Sub-Category,Product Name,Sales,"
                + "Quantity,Discount,Profit";
        for (ParsedCsvDump dump : parsed) {
            assertEquals(List.of(expected.split(",")), dump.header());
        }
    }

    @Test
    void everyLineEndsWithCrlf() throws IOException {
        for (Path path : dumps.paths()) {
            String text = Files.readString(path);
            assertTrue(text.endsWith("\r\n"));
            assertEquals(text.split("\n", -1).length - 1, text.split("\r\n", -1).length - 1);
        }
    }

    @Test
    void validRowsHaveTwentyOneFields() {
        assertTrue(validRecords().stream().allMatch(record -> record.fields().size() == 21));
    }

    @Test
    void regionTotalsMatchRowsParsedBack() {
        SortedMap<String, BigDecimal> byRegion = new TreeMap<>();
        SortedMap<String, SortedMap<LocalDate, BigDecimal>> byRegionAndDate = new TreeMap<>();
        for (CsvRecord record : validRecords()) {
            String region = value(record, SalesColumns.REGION);
            BigDecimal sales = new BigDecimal(value(record, SalesColumns.SALES));
            LocalDate date = LocalDate.parse(value(record, SalesColumns.ORDER_DATE), Contract.ORDER_DATE);
            byRegion.merge(region, sales, BigDecimal::add);
            byRegionAndDate.computeIfAbsent(region, r -> new TreeMap<>()).merge(date, sales, BigDecimal::add);
        }
        assertEquals(Set.of("Central", "East", "South", "West"), byRegion.keySet());
        assertEquals(dumps.salesByRegion(), byRegion);
        assertEquals(dumps.salesByRegionAndDate(), byRegionAndDate);
    }

    @Test
    void duplicatesRepeatAnEarlierValidLineOfTheSameFile() {
        for (ParsedCsvDump dump : parsed) {
            Set<String> valid = new HashSet<>();
            dump.valid().forEach(record -> valid.add(record.raw()));
            assertTrue(dump.duplicates().stream().allMatch(record -> valid.contains(record.raw())));
        }
    }

    @Test
    void rowIdsAreUniqueAcrossValidAndQuarantinedLines() {
        Set<String> ids = new HashSet<>();
        for (ParsedCsvDump dump : parsed) {
            dump.valid().forEach(record -> assertTrue(ids.add(record.fields().get(0))));
            dump.quarantined().forEach(record -> assertTrue(ids.add(record.fields().get(0))));
        }
        Set<String> expected = new HashSet<>();
        for (long id = 1; id <= dumps.expectedAccepted() + dumps.expectedQuarantined(); id++) {
            expected.add(Long.toString(id));
        }
        assertEquals(expected, ids);
    }

    @Test
    void everyAnomalyKindOccurs() {
        Set<String> reasons = new HashSet<>();
        for (ParsedCsvDump dump : parsed) {
            for (CsvRecord record : dump.quarantined()) {
                List<String> fields = record.fields();
                if (fields.size() < 21) {
                    reasons.add("ragged");
                } else if (value(record, SalesColumns.REGION).isEmpty()) {
                    reasons.add("region");
                } else if (value(record, SalesColumns.ORDER_ID).isEmpty()) {
                    reasons.add("order id");
                } else if (!Pattern.matches("\\d+(\\.\\d+)?", value(record, SalesColumns.SALES))) {
                    reasons.add("sales");
                } else {
                    reasons.add("date");
                }
            }
        }
        assertEquals(Set.of("ragged", "region", "order id", "sales", "date"), reasons);
    }

    @Test
    void productNamesIncludeQuotedCommasNbspAndQuotes() throws IOException {
        List<String> names = validRecords().stream().map(record -> value(record, "Product Name")).toList();
        assertTrue(names.stream().anyMatch(name -> name.contains(",")));
        assertTrue(names.stream().anyMatch(name -> name.contains("\u00A0")));
        assertTrue(names.stream().anyMatch(name -> name.contains("\"")));
        String text = Files.readString(dumps.paths().get(0));
        assertTrue(Pattern.compile(",\"[^\"\r\n]*, [^\"\r\n]*\",").matcher(text).find());
    }

    @Test
    void productAttributesAreConsistentPerProductId() {
        Pattern id = Pattern.compile("(FUR|OFF|TEC)-[A-Z]{2}-1\\d{7}");
        Map<String, List<String>> byId = new HashMap<>();
        for (CsvRecord record : validRecords()) {
            String productId = value(record, "Product ID");
            List<String> attributes = List.of(value(record, "Category"), value(record, "Sub-Category"),
                    value(record, "Product Name"));
            assertTrue(id.matcher(productId).matches(), productId);
            assertTrue(productId.startsWith(attributes.get(0).substring(0, 3).toUpperCase() + "-"
                    + attributes.get(1).substring(0, 2).toUpperCase() + "-"), productId);
            assertEquals(byId.computeIfAbsent(productId, k -> attributes), attributes);
        }
    }

    @Test
    void regionFollowsStateAndAllStatesAreKnown() {
        Map<String, String> regionByState = Geography.regionByState();
        assertEquals(49, regionByState.size());
        assertEquals(Set.of("Central", "East", "South", "West"), new HashSet<>(regionByState.values()));
        for (CsvRecord record : validRecords()) {
            assertEquals(regionByState.get(value(record, "State")), value(record, SalesColumns.REGION));
            assertEquals("United States", value(record, "Country"));
        }
    }

    @Test
    void fieldsHaveSuperstoreFormats() {
        Pattern orderId = Pattern.compile("(CA|US)-(\\d{4})-\\d{6}");
        Pattern sales = Pattern.compile("\\d+\\.\\d{2,4}");
        Pattern profit = Pattern.compile("-?\\d+(\\.\\d{1,4})?");
        Set<String> discounts = Set.of("0", "0.1", "0.2", "0.3", "0.45", "0.5", "0.7", "0.8");
        for (CsvRecord record : validRecords()) {
            LocalDate ordered = LocalDate.parse(value(record, SalesColumns.ORDER_DATE), Contract.ORDER_DATE);
            LocalDate shipped = LocalDate.parse(value(record, "Ship Date"), Contract.ORDER_DATE);
            long shipDays = ChronoUnit.DAYS.between(ordered, shipped);
            assertTrue(shipDays >= 0 && shipDays <= 7);
            var id = orderId.matcher(value(record, SalesColumns.ORDER_ID));
            assertTrue(id.matches());
            assertEquals(ordered.getYear(), Integer.parseInt(id.group(2)));
            assertTrue(value(record, "Postal Code").matches("\\d{5}"));
            assertTrue(sales.matcher(value(record, SalesColumns.SALES)).matches());
            assertTrue(new BigDecimal(value(record, SalesColumns.SALES)).signum() > 0);
            int quantity = Integer.parseInt(value(record, SalesColumns.QUANTITY));
            assertTrue(quantity >= 1 && quantity <= 14);
            assertTrue(discounts.contains(value(record, SalesColumns.DISCOUNT)));
            assertTrue(profit.matcher(value(record, SalesColumns.PROFIT)).matches());
        }
        assertTrue(validRecords().stream().anyMatch(record -> value(record, SalesColumns.PROFIT).startsWith("-")));
    }

    @Test
    void validLinesLandInTheirOrderDatesFile() {
        for (int i = 0; i < parsed.size(); i++) {
            String date = SalesLine.US_DATE.format(dumps.files().get(i).date());
            for (CsvRecord record : parsed.get(i).valid()) {
                assertEquals(date, value(record, SalesColumns.ORDER_DATE));
            }
        }
    }

    @Test
    void orderLinesShareOrderLevelFields() {
        List<String> orderLevel = List.of(SalesColumns.ORDER_DATE, "Ship Date", "Ship Mode", "Customer ID",
                "Customer Name", "Segment", "City", "State", "Postal Code", SalesColumns.REGION);
        Map<String, List<String>> byOrder = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (CsvRecord record : validRecords()) {
            String order = value(record, SalesColumns.ORDER_ID);
            List<String> shared = orderLevel.stream().map(column -> value(record, column)).toList();
            assertEquals(byOrder.computeIfAbsent(order, k -> shared), shared);
            lines.merge(order, 1, Integer::sum);
        }
        assertTrue(lines.values().stream().allMatch(count -> count >= 1 && count <= 5));
        assertTrue(lines.values().stream().anyMatch(count -> count > 1));
    }
}
