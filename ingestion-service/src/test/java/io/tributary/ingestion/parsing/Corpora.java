package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared parsing corpora, read where they lie: {@code ../shared/corpora} beside the checkout, the checkout being
 * the {@code tributary.root} system property when set, else the parent of this module's directory (the working
 * directory of the tests). Tests skip when the corpora are absent.
 */
final class Corpora {

    private Corpora() {
    }

    /** The folder of one corpus; the calling test is skipped when it is absent. */
    static Path corpus(String name) {
        String root = System.getProperty("tributary.root");
        Path checkout = root != null && !root.isBlank() && !root.contains("${")
                ? Path.of(root)
                : Path.of("").toAbsolutePath().getParent();
        Path corpus = checkout.resolve("../shared/corpora").resolve(name).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(corpus), "corpus " + corpus + " is absent");
        return corpus;
    }
}
