package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared parsing corpora and data, read where they lie: {@code ../shared/corpora} and {@code ../shared/data}
 * beside the checkout, the checkout being the {@code tributary.root} system property when set, else the parent of this
 * module's directory (the working directory of the tests). Tests skip when they are absent.
 */
public final class Corpora {

    private Corpora() {
    }

    /** The folder of one corpus; the calling test is skipped when it is absent. */
    public static Path corpus(String name) {
        Path corpus = shared().resolve("corpora").resolve(name);
        assumeTrue(Files.isDirectory(corpus), "corpus " + corpus + " is absent");
        return corpus;
    }

    /** The Superstore sales file (CSV, UTF-8, about 10,000 rows); the calling test is skipped when it is absent. */
    public static Path superstore() {
        Path file = shared().resolve("data/superstore/superstore.csv");
        assumeTrue(Files.isRegularFile(file), "the Superstore file " + file + " is absent");
        return file;
    }

    /** The CSV files of the csv-spectrum corpus, by name. */
    public static List<Path> csvSpectrum() throws IOException {
        try (Stream<Path> files = Files.list(corpus("csv-spectrum").resolve("csvs"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** The y_, n_ and i_ files of JSONTestSuite's parsing corpus, by name; never empty. */
    public static List<Path> jsonTestSuite() throws IOException {
        Path corpus = corpus("json-test-suite");
        try (Stream<Path> files = Files.list(corpus)) {
            List<Path> list = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("[yni]_.*\\.json")).sorted().toList();
            assertFalse(list.isEmpty(), "no test file in " + corpus);
            return list;
        }
    }

    private static Path shared() {
        String root = System.getProperty("tributary.root");
        Path checkout = root != null && !root.isBlank() && !root.contains("${")
                ? Path.of(root)
                : Path.of("").toAbsolutePath().getParent();
        return checkout.resolve("../shared").toAbsolutePath().normalize();
    }
}
