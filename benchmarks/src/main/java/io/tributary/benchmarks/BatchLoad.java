package io.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.generator.DumpFile;
import io.tributary.local.ServiceProcess;
import io.tributary.local.Suite;
import io.tributary.local.TributaryService;

/**
 * What the batch benchmarks ({@link TransformBatch}, {@link Growth}) share: a generated CSV file uploaded to a source
 * of the suite, timed until ingestion has published every row (the batch COMPLETED with every row accepted) and until
 * the demo pipeline has applied every row (received them all, no lag), with each service's peak heap and resident set
 * meanwhile and the CPU of every process. Each file applied is remembered with its suite ({@link BenchSuite#applied}),
 * so that a benchmark after it on a shared suite can report it instead of loading the same size again.
 */
final class BatchLoad {

    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "AWAITING_REVIEW", "REJECTED");
    private static final Duration LIMIT = Duration.ofMinutes(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private BatchLoad() {
    }

    /**
     * One file's figures: nanoseconds from the start of the upload (upload answered, batch published, first record
     * applied, every record applied) and its {@link System#nanoTime} ({@code startedAt}), peak heap used and resident set per service, CPU snapshots at the start, when
     * published and when applied, and the load average before. {@code by} names the benchmark that loaded it.
     */
    record Applied(String by, long rows, long bytes, long startedAt, long upload, long published, long firstApplied,
            long applied,
            Map<TributaryService, Long> peakHeap, Map<TributaryService, Long> peakRss, CpuAccounting.Snapshot start,
            CpuAccounting.Snapshot atPublished, CpuAccounting.Snapshot end, String load) {
    }

    /**
     * Uploads {@code file} to {@code source} and waits until it is published and applied; fails when the batch does not
     * accept every row or the pipeline does not apply them within an hour.
     */
    static Applied uploadAndApply(String by, EndToEnd bench, Suite suite, CpuAccounting cpu, String source,
            DumpFile file) throws IOException, InterruptedException {
        long rows = file.accepted();
        Map<TributaryService, HeapSampler> heaps = new EnumMap<>(TributaryService.class);
        for (TributaryService service : TributaryService.values()) {
            ServiceProcess process = suite.service(service);
            HeapSampler heap = new HeapSampler(bench.http, process.baseUrl(), process.pid(), bench::authorization);
            if (!heap.resetPeakRss()) {
                EndToEnd.log("could not reset the peak resident set of " + service.module() + ": it is the peak since "
                        + "the process started");
            }
            heap.start();
            heaps.put(service, heap);
        }
        String load = EndToEnd.loadAverage();
        long before = bench.pipeline(suite).path("counts").path("received").asLong();
        CpuAccounting.Snapshot start = cpu.snapshot();
        long t0 = System.nanoTime();
        String batchId = bench.upload(suite, source, file.path());
        long upload = System.nanoTime() - t0;
        EndToEnd.log(String.format(Locale.ROOT, "upload answered 202 after %.2f s, batch %s", EndToEnd.seconds(upload),
                batchId));
        long published = -1;
        long firstApplied = -1;
        CpuAccounting.Snapshot atPublished = null;
        long deadline = t0 + LIMIT.toNanos();
        long lastLog = t0;
        while (true) {
            long now = System.nanoTime();
            if (now - deadline > 0) {
                throw new IllegalStateException("the pipeline did not apply " + rows + " rows within " + LIMIT);
            }
            if (published < 0) {
                JsonNode batch = bench.batch(suite, batchId);
                if (FINISHED.contains(batch.path("status").asText())) {
                    published = System.nanoTime() - t0;
                    atPublished = cpu.snapshot();
                    EndToEnd.log(String.format(Locale.ROOT, "batch %s after %.2f s: received %d, accepted %d, "
                            + "quarantined %d, duplicates %d", batch.path("status").asText(),
                            EndToEnd.seconds(published), batch.path("received").asLong(),
                            batch.path("accepted").asLong(), batch.path("quarantined").asLong(),
                            batch.path("duplicates").asLong()));
                    if (!"COMPLETED".equals(batch.path("status").asText()) || batch.path("accepted").asLong() != rows) {
                        throw new IllegalStateException("the batch did not accept every row: " + batch);
                    }
                }
            }
            JsonNode pipeline = bench.pipeline(suite);
            long received = pipeline.path("counts").path("received").asLong() - before;
            if (received > 0 && firstApplied < 0) {
                firstApplied = System.nanoTime() - t0;
            }
            if (now - lastLog > 10_000_000_000L) {
                lastLog = now;
                EndToEnd.log(String.format(Locale.ROOT, "  %.0f s: transform received %,d, lag %,d records "
                        + "(%.1f s), %.0f records/s", EndToEnd.seconds(now - t0), received,
                        pipeline.path("lagRecords").asLong(), pipeline.path("lagSeconds").asDouble(),
                        pipeline.path("recordsPerSecond").asDouble()));
            }
            if (published >= 0 && received >= rows && pipeline.path("lagRecords").asLong() == 0) {
                long applied = System.nanoTime() - t0;
                CpuAccounting.Snapshot end = cpu.snapshot();
                EndToEnd.log(String.format(Locale.ROOT, "%,d rows applied after %.2f s: %s", rows,
                        EndToEnd.seconds(applied), pipeline.path("counts")));
                Map<TributaryService, Long> peakHeap = new EnumMap<>(TributaryService.class);
                Map<TributaryService, Long> peakRss = new EnumMap<>(TributaryService.class);
                for (Map.Entry<TributaryService, HeapSampler> heap : heaps.entrySet()) {
                    heap.getValue().stop();
                    peakHeap.put(heap.getKey(), heap.getValue().maxHeapUsed());
                    peakRss.put(heap.getKey(), heap.getValue().peakRss());
                }
                Applied result = new Applied(by, rows, Files.size(file.path()), t0, upload, published, firstApplied,
                        applied, peakHeap, peakRss, start, atPublished, end, load);
                BenchSuite.applied(suite, result);
                return result;
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
