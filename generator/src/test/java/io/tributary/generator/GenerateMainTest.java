package io.tributary.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesDailyFilesAndPrintsOneLineSummary(@TempDir Path dir) {
        int status = run("--out", dir.toString(), "--format", "ndjson", "--seed", "3", "--rows", "500", "--days",
                "2", "--start", "2019-03-01", "--anomaly-rate", "0.1", "--duplicate-rate", "0.02",
                "--schema-change-day", "1", "--schema-change", "rename-column");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String summary = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, summary.lines().count());
        assertTrue(summary.contains("lines=560 accepted=500 quarantined=50 duplicates=10"), summary);
        assertTrue(summary.contains("West="), summary);
        assertTrue(Files.exists(dir.resolve("sales-2019-03-01.ndjson")));
        assertTrue(Files.exists(dir.resolve("sales-2019-03-02.ndjson")));
    }

    @Test
    void summaryMatchesLibraryResult(@TempDir Path dir, @TempDir Path libraryDir) throws Exception {
        assertEquals(0, run("--out", dir.toString(), "--rows", "300", "--days", "3", "--seed", "9"));
        GeneratedDumps dumps = new SalesDumpGenerator(
                GeneratorOptions.defaults().withRows(300).withDays(3).withSeed(9)).writeCsv(libraryDir);
        assertEquals("wrote " + dir + " " + dumps.summary(), out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void missingOutExitsWithUsage() {
        assertEquals(2, run("--rows", "10"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }

    @Test
    void badArgumentsExitWithUsage(@TempDir Path dir) {
        String out = dir.toString();
        assertEquals(2, run("--out", out, "--rows", "many"));
        assertEquals(2, run("--out", out, "--format", "xml"));
        assertEquals(2, run("--out", out, "--start", "2018-13-01"));
        assertEquals(2, run("--out", out, "--anomaly-rate", "2"));
        assertEquals(2, run("--out", out, "--schema-change", "drop-column"));
        assertEquals(2, run("--out", out, "--bogus", "1"));
        assertEquals(2, run("--out"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }
}
