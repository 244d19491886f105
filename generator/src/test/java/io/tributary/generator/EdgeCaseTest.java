package io.tributary.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeCaseTest {

    @TempDir
    Path dir;

    @Test
    void zeroRowsWritesHeaderOnlyFiles() throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(GeneratorOptions.defaults().withRows(0).withDays(2)
                .withAnomalyRate(0.5)).writeCsv(dir);
        assertEquals(0, dumps.totalLines());
        assertTrue(dumps.salesByRegion().isEmpty());
        for (Path path : dumps.paths()) {
            assertEquals(String.join(",", SalesColumns.STANDARD) + "\r\n", Files.readString(path));
        }
    }

    @Test
    void fewerRowsThanDaysStillAddUp() throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(GeneratorOptions.defaults().withRows(3).withDays(10)
                .withAnomalyRate(1.0).withDuplicateRate(1.0)).writeCsv(dir);
        assertEquals(10, dumps.files().size());
        assertEquals(3, dumps.expectedAccepted());
        assertEquals(dumps.totalLines(),
                dumps.expectedAccepted() + dumps.expectedQuarantined() + dumps.expectedDuplicates());
        long parsed = 0;
        for (Path path : dumps.paths()) {
            ParsedCsvDump dump = ParsedCsvDump.read(path);
            parsed += dump.valid().size() + dump.quarantined().size() + dump.duplicates().size();
            assertEquals(dump.valid().size(), dump.duplicates().size());
        }
        assertEquals(dumps.totalLines(), parsed);
    }

    @Test
    void ordersSpanningAYearKeepTheirOrderYearInTheId() throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(GeneratorOptions.defaults().withRows(400).withDays(4)
                .withStartDate(LocalDate.of(2019, 12, 30))).writeCsv(dir);
        for (DumpFile file : dumps.files()) {
            for (CsvRecord record : ParsedCsvDump.read(file.path()).valid()) {
                assertEquals(Integer.toString(file.date().getYear()), record.fields().get(1).substring(3, 7));
            }
        }
    }
}
