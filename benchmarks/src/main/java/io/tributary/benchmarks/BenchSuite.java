package io.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tributary.local.Suite;
import io.tributary.local.SuiteConfig;

/**
 * The packaged suite a benchmark measures: started for it alone (in its working folder, stopped at its end or when
 * the JVM exits), or, while a {@link Sequence} runs several benchmarks in turn in one JVM, the one suite they share:
 * started by the first, kept by each one's stop, closed by the sequence. What has been declared on a suite (the demo
 * contract and pipeline, each source) is remembered, so that a benchmark on a shared suite declares only what the
 * ones before it did not.
 */
final class BenchSuite {

    /** The folder of the shared suite while a sequence runs, else {@code null}. */
    private static Path sharedDir;
    private static Suite shared;
    private static final Map<Suite, Set<String>> DECLARED = new IdentityHashMap<>();
    private static final Map<Suite, List<BatchLoad.Applied>> APPLIED = new IdentityHashMap<>();

    private BenchSuite() {
    }

    /** From now on, every benchmark of this JVM runs on one suite, kept in {@code dir} until {@link #closeShared}. */
    static synchronized void share(Path dir) {
        sharedDir = dir;
    }

    /** Whether the benchmarks of this JVM share one suite. */
    static synchronized boolean sharing() {
        return sharedDir != null;
    }

    /**
     * The suite for a benchmark whose working folder is {@code work}: a new one in {@code work/suite}, or the shared
     * one (started now if no benchmark before started it).
     */
    static synchronized Suite start(Path work, Path root) {
        if (sharedDir == null) {
            return startNew(work, root);
        }
        if (shared == null) {
            shared = startNew(sharedDir, root);
        } else {
            EndToEnd.log("the suite of the benchmarks before, up since their start, serves this one too");
        }
        return shared;
    }

    private static Suite startNew(Path dir, Path root) {
        Suite suite = Suite.start(SuiteConfig.freePorts(dir.resolve("suite"), root),
                line -> EndToEnd.log("[suite] " + line));
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "stop-suite"));
        return suite;
    }

    /**
     * A benchmark is done with its suite: stops it unless it is the shared one, and deletes the benchmark's working
     * folder unless it is to be kept.
     */
    static void stop(Suite suite, Path work, boolean keep) throws IOException {
        boolean own;
        synchronized (BenchSuite.class) {
            own = suite != null && suite != shared;
        }
        if (own) {
            EndToEnd.log("stopping the suite");
            suite.close();
        }
        if (keep) {
            EndToEnd.log("kept " + work);
        } else {
            GeneratedCsv.deleteRecursively(work);
        }
    }

    /** Stops the shared suite, if one started, and deletes its folder. */
    static void closeShared() throws IOException {
        Suite suite;
        Path dir;
        synchronized (BenchSuite.class) {
            suite = shared;
            dir = sharedDir;
            shared = null;
            sharedDir = null;
        }
        if (suite != null) {
            EndToEnd.log("stopping the shared suite");
            suite.close();
        }
        GeneratedCsv.deleteRecursively(dir);
    }

    /** Notes a file applied on {@code suite} ({@link BatchLoad}). */
    static synchronized void applied(Suite suite, BatchLoad.Applied applied) {
        APPLIED.computeIfAbsent(suite, s -> new ArrayList<>()).add(applied);
    }

    /** The files applied on {@code suite} so far, in order, by every benchmark that ran on it. */
    static synchronized List<BatchLoad.Applied> applied(Suite suite) {
        return List.copyOf(APPLIED.getOrDefault(suite, List.of()));
    }

    /** True the first time {@code what} is declared on {@code suite}; false when a benchmark before declared it. */
    static synchronized boolean firstDeclaration(Suite suite, String what) {
        return DECLARED.computeIfAbsent(suite, s -> new HashSet<>()).add(what);
    }
}
