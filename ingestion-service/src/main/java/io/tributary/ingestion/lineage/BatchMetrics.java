package io.tributary.ingestion.lineage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tributary.catalog.repository.BatchRepository;
import io.tributary.ingestion.batch.BatchLifecycle;

/**
 * Per-source batch metrics: {@code tributary.ingestion.batches} by outcome, {@code tributary.ingestion.bytes} of the
 * files completed, and {@code tributary.ingestion.batch.duration} from start to completion or failure.
 */
@ApplicationScoped
public class BatchMetrics {

    private final MeterRegistry meters;
    private final BatchRepository batches;
    /** When each batch being processed in this process started, in {@link System#nanoTime()}. */
    private final Map<UUID, Long> running = new ConcurrentHashMap<>();

    public BatchMetrics(MeterRegistry meters, BatchRepository batches) {
        this.meters = meters;
        this.batches = batches;
    }

    public void record(BatchLifecycle step) {
        switch (step.phase()) {
            case STARTED -> running.put(step.batchId(), System.nanoTime());
            case COMPLETED -> {
                finished(step, "completed");
                Counter.builder("tributary.ingestion.bytes")
                        .description("Bytes of the files whose batches completed")
                        .baseUnit("bytes")
                        .tag("source", step.source())
                        .register(meters)
                        .increment(sizeOf(step));
            }
            case FAILED -> finished(step, "failed");
            default -> {
                // not a step these metrics count
            }
        }
    }

    private void finished(BatchLifecycle step, String outcome) {
        Counter.builder("tributary.ingestion.batches")
                .description("Batches that completed or failed")
                .tag("source", step.source())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        Long start = running.remove(step.batchId());
        if (start != null) {
            Timer.builder("tributary.ingestion.batch.duration")
                    .description("Time from a batch's start to its completion or failure")
                    .tag("source", step.source())
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The landed file's size; from the catalog when the file is no longer where it was read. */
    private long sizeOf(BatchLifecycle step) {
        try {
            return Files.size(Path.of(step.file()));
        } catch (IOException | RuntimeException e) {
            return QuarkusTransaction.requiringNew().call(() -> batches.findByIdOptional(step.batchId())
                    .map(b -> b.sizeBytes)
                    .orElse(0L));
        }
    }
}
