package io.tributary.requirements.slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tributary.catalog.latency.LatencyBuckets;
import io.tributary.requirements.objective.Basis;

/** Measurements set by a test: batches with their times and counts, latencies, watermarks, a probe. */
final class StubFacts implements Facts {

    record Batch(Instant completedAt, long received, long accepted, long quarantined) {
    }

    record Sample(Basis basis, Instant at, long millis) {
    }

    Instant newestArrival;
    Instant eventWatermark;
    boolean eventTimeIsDate;
    Instant oldestHeld;
    Instant dataSince;
    Probe probe;
    final List<Batch> batches = new ArrayList<>();
    final List<Sample> samples = new ArrayList<>();

    StubFacts batch(Instant completedAt, long received, long accepted, long quarantined) {
        batches.add(new Batch(completedAt, received, accepted, quarantined));
        return this;
    }

    StubFacts latency(Basis basis, Instant at, long millis) {
        samples.add(new Sample(basis, at, millis));
        return this;
    }

    @Override
    public Optional<Instant> newestArrival() {
        return Optional.ofNullable(newestArrival);
    }

    @Override
    public Optional<Instant> eventWatermark() {
        return Optional.ofNullable(eventWatermark);
    }

    @Override
    public boolean eventTimeIsDate() {
        return eventTimeIsDate;
    }

    @Override
    public long[] latency(Basis basis, Instant from, Instant to) {
        long[] counts = new long[LatencyBuckets.COUNT];
        for (Sample sample : samples) {
            if (sample.basis() == basis && !sample.at().isBefore(from) && sample.at().isBefore(to)) {
                counts[LatencyBuckets.bucket(sample.millis())]++;
            }
        }
        return counts;
    }

    @Override
    public Optional<Instant> lastDelivery() {
        return batches.stream().filter(b -> b.accepted() > 0).map(Batch::completedAt).max(Instant::compareTo);
    }

    @Override
    public long deliveriesSince(Instant from) {
        return batches.stream().filter(b -> b.accepted() > 0 && !b.completedAt().isBefore(from)).count();
    }

    @Override
    public Counts counts(Instant from) {
        long received = 0;
        long quarantined = 0;
        for (Batch batch : batches) {
            if (!batch.completedAt().isBefore(from)) {
                received += batch.received();
                quarantined += batch.quarantined();
            }
        }
        return new Counts(received, quarantined);
    }

    @Override
    public long accepted(Instant from, Instant to) {
        return batches.stream().filter(b -> !b.completedAt().isBefore(from) && b.completedAt().isBefore(to))
                .mapToLong(Batch::accepted).sum();
    }

    @Override
    public Optional<Instant> oldestHeld() {
        return Optional.ofNullable(oldestHeld);
    }

    @Override
    public Optional<Instant> dataSince() {
        return Optional.ofNullable(dataSince);
    }

    @Override
    public Optional<Probe> probe() {
        return Optional.ofNullable(probe);
    }
}
