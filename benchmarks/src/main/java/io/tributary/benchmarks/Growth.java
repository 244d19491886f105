package io.tributary.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tributary.generator.DumpFile;
import io.tributary.local.DemoLoader;
import io.tributary.local.Suite;
import io.tributary.local.TributaryService;

/**
 * How the cost of the batch path grows with the file: one suite, the demo pipeline, and a generated CSV file of each
 * size in turn (by default 100,000, 1,000,000 and 5,000,000 rows; the largest is over 1 GB), each with records, keys
 * and days of its own, timed from its upload until ingestion has published every row and until the pipeline has
 * applied every row, with each service's peak heap and resident set and the CPU of each process meanwhile. The cost
 * per row is flat when the microseconds per row stay level from one size to the next although the tables grow; the
 * largest file shows the heap each service needs for a file of over a gigabyte at the suite's normal settings
 * (ingestion and serving {@code -Xmx384m}, transform {@code -Xmx1g}). After {@link TransformBatch} on a shared suite
 * ({@link Sequence}), the sizes it applied first (its 100,000-row warm-up and its 1,000,000-row file) are reported from
 * its loads ({@link BatchLoad}) instead of being loaded again, so that the two benchmarks together put each size through
 * the pipeline once.
 * <p>
 * Usage: {@code run-growth.sh [sizes, default 100000,1000000,5000000] [--keep]}.
 */
public final class Growth {

    static final String SOURCE = "files";
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "AWAITING_REVIEW", "REJECTED");
    private static final Duration LIMIT = Duration.ofMinutes(60);
    private static final Duration POLL = Duration.ofMillis(500);

    private final List<Long> sizes;
    private final boolean keep;
    private final Path root;
    private final EndToEnd bench = new EndToEnd();

    private Growth(List<Long> sizes, boolean keep, Path root) {
        this.sizes = sizes;
        this.keep = keep;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = List.of(100_000L, 1_000_000L, 5_000_000L);
        boolean keep = false;
        for (String arg : args) {
            switch (arg) {
                case "--keep" -> keep = true;
                case "-h", "--help" -> {
                    System.out.println("usage: run-growth.sh [sizes, default 100000,1000000,5000000] [--keep]");
                    return;
                }
                default -> {
                    List<Long> parsed = new ArrayList<>();
                    for (String size : arg.split(",")) {
                        parsed.add(Long.parseLong(size.strip().replace("_", "")));
                    }
                    sizes = parsed;
                }
            }
        }
        Path root = EndToEnd.repositoryRoot();
        EndToEnd.requirePackagedServices(root);
        new Growth(sizes, keep, root).run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("tributary-growth-");
        EndToEnd.log("working directory " + work);
        EndToEnd.log("services of " + root + " (" + EndToEnd.revision(root) + ")");
        Suite suite = null;
        try {
            Suite started = BenchSuite.start(work, root);
            suite = started;
            CpuAccounting cpu = EndToEnd.accounting(started);
            bench.declare(suite, SOURCE, "CSV", DemoLoader.TIME_ZONE);
            // on a shared suite, the files the benchmarks before applied (TransformBatch's warm-up and measured file)
            List<BatchLoad.Applied> before = new ArrayList<>(BenchSuite.applied(suite));
            List<BatchLoad.Applied> steps = new ArrayList<>();
            boolean loadedOwn = false;
            for (int i = 0; i < sizes.size(); i++) {
                long size = sizes.get(i);
                BatchLoad.Applied earlier = before.stream().filter(applied -> applied.rows() == size).findFirst()
                        .orElse(null);
                // taken while the order is the same as if loaded here: none of this benchmark's own files before it
                if (earlier != null && !loadedOwn) {
                    before.remove(earlier);
                    EndToEnd.log(String.format(Locale.ROOT, "%,d rows: the file %s applied on this suite before",
                            size, earlier.by()));
                    steps.add(earlier);
                    continue;
                }
                Path dir = work.resolve("input-" + i);
                long g0 = System.nanoTime();
                // apart from 2 on: 1 is the warm-up file's of the other benchmarks
                DumpFile file = GeneratedCsv.writeApart(dir, size, i + 2);
                EndToEnd.log(String.format(Locale.ROOT, "generated %,d rows, %.1f MB in %.1f s", size,
                        Files.size(file.path()) / 1e6, EndToEnd.seconds(System.nanoTime() - g0)));
                EndToEnd.settle(cpu);
                steps.add(BatchLoad.uploadAndApply("Growth", bench, suite, cpu, SOURCE, file));
                loadedOwn = true;
                GeneratedCsv.deleteRecursively(dir);
            }
            report(steps);
        } finally {
            EndToEnd.stopSuite(suite, work, keep);
        }
    }

    private static void report(List<BatchLoad.Applied> steps) {
        System.out.println();
        System.out.println("## Growth of the batch path, " + Instant.now() + ", " + EndToEnd.machine());
        System.out.println();
        System.out.println("One suite; each file of its own records, keys and days, uploaded when the one before had been"
                + " applied (so the tables grow from one to the next). \"published\": upload until ingestion's batch is "
                + "COMPLETED (every row acknowledged by Kafka); \"applied\": until the pipeline has received every row "
                + "with no lag (curated table, aggregate and features written). On a suite shared with the benchmarks "
                + "before (run-sequence.sh), a file of the same size that one of them applied first is reported from "
                + "that load (\"loaded by\") rather than loaded again.");
        System.out.println();
        List<String[]> times = new ArrayList<>();
        times.add(new String[]{"rows", "file MB", "published s", "µs/row", "applied s", "µs/row", "rows/s applied",
                "load before", "loaded by"});
        for (BatchLoad.Applied step : steps) {
            times.add(new String[]{String.format(Locale.ROOT, "%,d", step.rows()), mb(step.bytes()),
                    String.format(Locale.ROOT, "%.1f", EndToEnd.seconds(step.published())), perRow(step.published(), step),
                    String.format(Locale.ROOT, "%.1f", EndToEnd.seconds(step.applied())), perRow(step.applied(), step),
                    String.format(Locale.ROOT, "%,.0f", step.rows() / EndToEnd.seconds(step.applied())), step.load(),
                    step.by()});
        }
        EndToEnd.printTable(times);
        System.out.println();
        System.out
                .println("Peak heap used (sampled every 500 ms from the JVM's performance data) and peak resident set (VmHWM, "
                        + "reset before each file), MB:");
        System.out.println();
        List<String[]> memory = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("rows"));
        for (TributaryService service : TributaryService.values()) {
            header.add(service.module() + " heap (-Xmx" + service.maxHeap() + ")");
            header.add(service.module() + " RSS");
        }
        memory.add(header.toArray(String[]::new));
        for (BatchLoad.Applied step : steps) {
            List<String> row = new ArrayList<>(List.of(String.format(Locale.ROOT, "%,d", step.rows())));
            for (TributaryService service : TributaryService.values()) {
                row.add(mb(step.peakHeap().get(service)));
                row.add(mb(step.peakRss().get(service)));
            }
            memory.add(row.toArray(String[]::new));
        }
        EndToEnd.printTable(memory);
        BatchLoad.Applied largest = steps.stream().max(Comparator.comparingLong(BatchLoad.Applied::rows)).orElseThrow();
        TributaryService ingestion = TributaryService.INGESTION;
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "The largest file, %s MB (%,d rows), ingested at %s's default heap"
                + " (-Xmx%s): peak heap used %s MB, peak resident set %s MB.", mb(largest.bytes()), largest.rows(),
                ingestion.module(), ingestion.maxHeap(), mb(largest.peakHeap().get(ingestion)),
                mb(largest.peakRss().get(ingestion))));
        for (BatchLoad.Applied step : steps) {
            EndToEnd.printCpu(String.format(Locale.ROOT, "CPU time by process, %,d rows, upload until applied:",
                    step.rows()), step.start(), step.end());
        }
    }

    private static String perRow(long nanos, BatchLoad.Applied step) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e3 / step.rows());
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.0f", bytes / 1e6);
    }
}
