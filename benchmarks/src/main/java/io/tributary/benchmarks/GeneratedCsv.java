package io.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.tributary.generator.DumpFile;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;

/** The benchmarks' input: one day of clean superstore-shaped order lines from the project's own generator. */
final class GeneratedCsv {

    private GeneratedCsv() {
    }

    /** No anomalies, no duplicates, no schema change: every row is accepted, so every stage sees every row. */
    static GeneratorOptions options(long rows, long seed) {
        return GeneratorOptions.defaults().withRows(rows).withDays(1).withSeed(seed).withoutSchemaChange();
    }

    /** Writes the file into {@code dir} and describes it. */
    static DumpFile write(Path dir, long rows, long seed) throws IOException {
        return write(dir, options(rows, seed));
    }

    private static DumpFile write(Path dir, GeneratorOptions options) throws IOException {
        long rows = options.rows();
        GeneratedDumps dumps = new SalesDumpGenerator(options).writeCsv(dir);
        if (dumps.files().size() != 1) {
            throw new IllegalStateException("expected one file, the generator wrote " + dumps.files().size());
        }
        DumpFile file = dumps.files().get(0);
        if (file.lines() != rows || file.accepted() != rows) {
            throw new IllegalStateException("asked for " + rows + " clean rows, the generator wrote " + file);
        }
        return file;
    }

    /** How far apart the Row IDs of files written {@link #writeApart apart} are; the measured file's begin at 1. */
    static final long ROW_IDS_APART = 1_000_000_000L;

    /** A file to warm a suite up with before a measure: {@link #writeApart} 1. */
    static DumpFile writeWarmUp(Path dir, long rows) throws IOException {
        return writeApart(dir, rows, 1);
    }

    /**
     * A file none of whose records, keys, order ids or days is one of the measured file's ({@link #write}) or of a
     * file written with another {@code apart}: seed {@code apart}, {@code apart} years before, and Row IDs from
     * {@code apart} × {@link #ROW_IDS_APART}.
     */
    static DumpFile writeApart(Path dir, long rows, int apart) throws IOException {
        GeneratorOptions options = options(rows, apart);
        return write(dir, options.withStartDate(options.startDate().minusYears(apart))
                .withFirstRowId(apart * ROW_IDS_APART + 1));
    }

    /** The file's bytes; the temporary folder it was written to is gone afterwards. */
    static byte[] bytes(long rows, long seed) throws IOException {
        Path dir = Files.createTempDirectory("tributary-jmh-");
        try {
            return Files.readAllBytes(write(dir, rows, seed).path());
        } finally {
            deleteRecursively(dir);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
