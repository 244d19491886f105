package io.tributary.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaChangeTest {

    static final GeneratorOptions BASE = GeneratorOptions.defaults()
            .withSeed(11)
            .withRows(2_000)
            .withDays(4)
            .withAnomalyRate(0.05)
            .withDuplicateRate(0.05);
    static final int CHANGE_DAY = 2;

    @TempDir
    Path baseDir;
    @TempDir
    Path changedDir;

    @Test
    void addColumnAppendsChannelFromTheChosenDayOnly() throws IOException {
        GeneratedDumps base = new SalesDumpGenerator(BASE).writeCsv(baseDir);
        GeneratedDumps changed = new SalesDumpGenerator(BASE.withSchemaChange(CHANGE_DAY, SchemaChange.ADD_COLUMN))
                .writeCsv(changedDir);
        assertSameExpectations(base, changed);
        for (int day = 0; day < BASE.days(); day++) {
            ParsedCsvDump before = ParsedCsvDump.read(base.paths().get(day));
            ParsedCsvDump after = ParsedCsvDump.read(changed.paths().get(day));
            if (day < CHANGE_DAY) {
                assertSameBytes(base.paths().get(day), changed.paths().get(day));
                assertEquals(SalesColumns.STANDARD, changed.files().get(day).columns());
                continue;
            }
            assertEquals(withChannel(), after.header());
            assertEquals(withChannel(), changed.files().get(day).columns());
            assertEquals(before.valid().size(), after.valid().size());
            assertEquals(before.quarantined().size(), after.quarantined().size());
            assertEquals(before.duplicates().size(), after.duplicates().size());
            for (int i = 0; i < after.valid().size(); i++) {
                List<String> fields = after.valid().get(i).fields();
                assertEquals(22, fields.size());
                assertEquals(before.valid().get(i).fields(), fields.subList(0, 21));
                assertTrue(Set.of("Web", "Store", "Phone", "Marketplace").contains(fields.get(21)));
            }
        }
    }

    @Test
    void renameColumnRenamesSalesToRevenueFromTheChosenDayOnly() throws IOException {
        GeneratedDumps base = new SalesDumpGenerator(BASE).writeCsv(baseDir);
        GeneratedDumps changed = new SalesDumpGenerator(
                BASE.withSchemaChange(CHANGE_DAY, SchemaChange.RENAME_COLUMN)).writeCsv(changedDir);
        assertSameExpectations(base, changed);
        String standardHeader = String.join(",", SalesColumns.STANDARD) + "\r\n";
        String renamedHeader = standardHeader.replace(",Sales,", ",Revenue,");
        for (int day = 0; day < BASE.days(); day++) {
            String before = Files.readString(base.paths().get(day));
            String after = Files.readString(changed.paths().get(day));
            String expectedHeader = day < CHANGE_DAY ? standardHeader : renamedHeader;
            assertTrue(after.startsWith(expectedHeader));
            assertEquals(before.substring(standardHeader.length()), after.substring(expectedHeader.length()));
            assertEquals(ParsedCsvDump.read(base.paths().get(day)).valid().size(),
                    ParsedCsvDump.read(changed.paths().get(day)).valid().size());
        }
    }

    @Test
    void renamedNdjsonUsesRevenueKeyFromTheChosenDay() throws IOException {
        GeneratedDumps changed = new SalesDumpGenerator(
                BASE.withSchemaChange(CHANGE_DAY, SchemaChange.RENAME_COLUMN)).writeNdjson(changedDir);
        for (int day = 0; day < BASE.days(); day++) {
            String key = day < CHANGE_DAY ? SalesColumns.SALES : SalesColumns.REVENUE;
            String absent = day < CHANGE_DAY ? SalesColumns.REVENUE : SalesColumns.SALES;
            for (String line : NdjsonLines.lines(changed.paths().get(day))) {
                Map<String, JsonValue> literals = NdjsonLines.literals(line);
                assertFalse(literals.containsKey(absent));
                if (literals.size() == SalesColumns.STANDARD.size()) {
                    assertTrue(literals.containsKey(key));
                }
            }
        }
    }

    @Test
    void addedChannelIsAStringKeyInNdjson() throws IOException {
        GeneratedDumps changed = new SalesDumpGenerator(BASE.withSchemaChange(0, SchemaChange.ADD_COLUMN))
                .writeNdjson(changedDir);
        long withChannel = 0;
        for (Path path : changed.paths()) {
            for (String line : NdjsonLines.lines(path)) {
                JsonValue channel = NdjsonLines.literals(line).get(SalesColumns.CHANNEL);
                if (channel != null) {
                    assertFalse(channel.number());
                    withChannel++;
                }
            }
        }
        assertTrue(withChannel >= changed.expectedAccepted());
    }

    private static List<String> withChannel() {
        return SalesColumns.after(SchemaChange.ADD_COLUMN);
    }

    private static void assertSameExpectations(GeneratedDumps base, GeneratedDumps changed) {
        assertEquals(base.expectedAccepted(), changed.expectedAccepted());
        assertEquals(base.expectedQuarantined(), changed.expectedQuarantined());
        assertEquals(base.expectedDuplicates(), changed.expectedDuplicates());
        assertEquals(base.salesByRegionAndDate(), changed.salesByRegionAndDate());
    }

    private static void assertSameBytes(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual));
    }
}
