package io.tributary.transform.progress;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/** Prometheus counters of what each pipeline did, moved once the transaction that did it has committed. */
@ApplicationScoped
public class PipelineMetrics {

    private static final long WINDOW_MILLIS = 60_000;

    private final MeterRegistry meters;
    private final Map<String, Deque<long[]>> received = new ConcurrentHashMap<>();

    public PipelineMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void record(Map<String, PipelineProgress> applied) {
        long now = System.currentTimeMillis();
        applied.forEach((pipeline, p) -> {
            Deque<long[]> window = received.computeIfAbsent(pipeline, name -> new ConcurrentLinkedDeque<>());
            window.addLast(new long[]{now, p.received()});
            while (!window.isEmpty() && window.peekFirst()[0] < now - WINDOW_MILLIS) {
                window.pollFirst();
            }
            count(pipeline, "curated", p.curated());
            count(pipeline, "corrected", p.corrected());
            count(pipeline, "duplicate", p.duplicates());
            count(pipeline, "filtered", p.filtered());
            count(pipeline, "failed", p.failed());
            count(pipeline, "superseded", p.superseded());
            count(pipeline, "rederived", p.rederived());
            meters.counter("tributary.transform.late", "pipeline", pipeline).increment(p.late());
        });
    }

    /**
     * Counts one poll of the live consumer applied, with its records: the transform's CPU over these counters is its
     * cost per poll and per record ({@code tributary_transform_polls_total}, {@code
     * tributary_transform_poll_records_total}).
     */
    public void recordPoll(int records) {
        meters.counter("tributary.transform.polls").increment();
        meters.counter("tributary.transform.poll.records").increment(records);
    }

    /** Records received per second over the last minute. */
    public double recordsPerSecond(String pipeline) {
        long since = System.currentTimeMillis() - WINDOW_MILLIS;
        return received.getOrDefault(pipeline, new ConcurrentLinkedDeque<>()).stream().filter(e -> e[0] >= since)
                .mapToLong(e -> e[1]).sum() / (WINDOW_MILLIS / 1000.0);
    }

    private void count(String pipeline, String outcome, long amount) {
        if (amount > 0) {
            meters.counter("tributary.transform.records", "pipeline", pipeline, "outcome", outcome)
                    .increment(amount);
        }
    }
}
