package io.tributary.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeRunTest {

    @Test
    void twoHundredThousandRowsGenerateWithoutTrouble(@TempDir Path dir) throws IOException {
        GeneratorOptions options = GeneratorOptions.defaults()
                .withSeed(2024)
                .withRows(200_000)
                .withDays(10)
                .withAnomalyRate(0.01)
                .withDuplicateRate(0.01)
                .withSchemaChange(6, SchemaChange.ADD_COLUMN);
        GeneratedDumps dumps = new SalesDumpGenerator(options).writeCsv(dir);
        assertEquals(200_000, dumps.expectedAccepted());
        assertEquals(2_000, dumps.expectedQuarantined());
        assertEquals(2_000, dumps.expectedDuplicates());
        long lines = 0;
        for (DumpFile file : dumps.files()) {
            long fileLines = countLines(file.path()) - 1;
            assertEquals(file.lines(), fileLines);
            lines += fileLines;
        }
        assertEquals(dumps.totalLines(), lines);
    }

    private static long countLines(Path path) throws IOException {
        long count = 0;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            while (reader.readLine() != null) {
                count++;
            }
        }
        return count;
    }
}
