package io.tributary.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples a service's memory every 500 ms: the heap in use and its old generation (what survived young collections,
 * garbage included until a mixed or full collection) from the JVM's performance-data file ({@link PerfData}, which
 * costs the service nothing), or from its Prometheus endpoint ({@code /q/metrics}) where that file cannot be read; and
 * the process's resident set from {@code /proc} (Linux only). A scrape of {@code /q/metrics} is not free: 14 to 34 ms
 * of the scraped service's CPU on this machine, seconds over a benchmark that sampled twice a second.
 */
final class HeapSampler {

    private static final Duration PERIOD = Duration.ofMillis(500);

    private final HttpClient http;
    private final URI metrics;
    private final long pid;
    private final PerfData perfData;
    private final Supplier<String> authorization;
    private ScheduledExecutorService timer;
    private volatile long lastHeapUsed = -1;
    private volatile long maxHeapUsed = -1;
    private volatile long maxOldGen = -1;
    private volatile int samples;

    HeapSampler(HttpClient http, String baseUrl, long pid, Supplier<String> authorization) {
        this.http = http;
        this.authorization = authorization;
        this.metrics = URI.create(baseUrl + "/q/metrics");
        this.pid = pid;
        this.perfData = PerfData.of(pid);
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sampleOnce, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        sampleOnce();
    }

    /** One sample; a failed scrape is skipped, not fatal. */
    void sampleOnce() {
        Optional<PerfData.Heap> read = perfData.heap();
        if (read.isPresent()) {
            lastHeapUsed = read.get().used();
            maxHeapUsed = Math.max(maxHeapUsed, read.get().used());
            maxOldGen = Math.max(maxOldGen, read.get().oldGen());
            samples++;
            return;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5))
                    .header("Accept", "text/plain").header("Authorization", authorization.get()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return;
            }
            long heap = 0;
            boolean found = false;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value(line);
                    found = true;
                }
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("Old Gen")) {
                    maxOldGen = Math.max(maxOldGen, value(line));
                }
            }
            if (found) {
                lastHeapUsed = heap;
                maxHeapUsed = Math.max(maxHeapUsed, heap);
                samples++;
            }
        } catch (IOException | RuntimeException e) {
            // the next sample may succeed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long value(String line) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    long lastHeapUsed() {
        return lastHeapUsed;
    }

    long maxHeapUsed() {
        return maxHeapUsed;
    }

    long maxOldGen() {
        return maxOldGen;
    }

    int samples() {
        return samples;
    }

    /**
     * Resets the process's peak resident set to its present one ({@code 5} written to {@code /proc/<pid>/clear_refs}),
     * so that {@link #peakRss} gives the peak from now on; false where that cannot be done (not Linux, not allowed).
     */
    boolean resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The process's peak resident set ({@code VmHWM}), or -1 where {@code /proc} is not there. */
    long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }
}
