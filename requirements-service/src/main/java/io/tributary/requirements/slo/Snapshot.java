package io.tributary.requirements.slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.latency.LatencyBuckets;
import io.tributary.catalog.repository.LatencyRepository;
import io.tributary.requirements.objective.Basis;
import io.tributary.requirements.repository.MeasurementRepository;
import io.tributary.requirements.repository.MeasurementRepository.PipelineFacts;
import io.tributary.requirements.requirement.Target;

/**
 * The catalog's measurements for one evaluation cycle. Pipelines, sources and watermarks are read once; what a target
 * asks beyond them (batches over a window, latency counts) is read when first asked and kept for the cycle, so that
 * objectives on the same target share their queries.
 */
public final class Snapshot {

    private final MeasurementRepository measurements;
    private final Map<String, PipelineFacts> pipelines;
    private final Map<String, Instant> watermarks;
    private final Map<String, List<String>> sources;
    private final Map<String, Map<String, String>> contractTypes;
    private final Map<String, Object> cache = new HashMap<>();

    public Snapshot(MeasurementRepository measurements) {
        this.measurements = measurements;
        this.pipelines = measurements.pipelines();
        this.watermarks = measurements.freshnessWatermarks();
        this.sources = measurements.sourcesByDataset();
        this.contractTypes = measurements.contractTypes();
    }

    /** The facts of a target; {@code dataSince} and {@code probe} come from the evaluator, which keeps them. */
    public Facts facts(Target target, Optional<Instant> dataSince, Optional<Facts.Probe> probe) {
        return new TargetFacts(target, dataSince, probe);
    }

    /** The pipelines whose tables a target is served from. */
    List<PipelineFacts> pipelinesOf(Target target) {
        return switch (target.type()) {
            case PIPELINE -> Optional.ofNullable(pipelines.get(target.name())).stream().toList();
            case SERVING -> target.servedPipeline().map(pipelines::get).stream().filter(Objects::nonNull).toList();
            case DATASET -> pipelines.values().stream().filter(p -> p.dataset().equals(target.name()))
                    .sorted(Comparator.comparing(PipelineFacts::name)).toList();
            case SOURCE -> List.of();
        };
    }

    /** The sources whose batches feed a target. */
    List<String> sourcesOf(Target target) {
        Set<String> names = new LinkedHashSet<>();
        switch (target.type()) {
            case SOURCE -> names.add(target.name());
            case DATASET -> names.addAll(sources.getOrDefault(target.name(), List.of()));
            case PIPELINE, SERVING -> pipelinesOf(target)
                    .forEach(p -> names.addAll(sources.getOrDefault(p.dataset(), List.of())));
        }
        return new ArrayList<>(names);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, java.util.function.Supplier<T> read) {
        return (T) cache.computeIfAbsent(key, k -> read.get());
    }

    private final class TargetFacts implements Facts {

        private final Target target;
        private final Optional<Instant> dataSince;
        private final Optional<Probe> probe;
        private final List<PipelineFacts> served;
        private final List<String> fedBy;

        TargetFacts(Target target, Optional<Instant> dataSince, Optional<Probe> probe) {
            this.target = target;
            this.dataSince = dataSince;
            this.probe = probe;
            this.served = pipelinesOf(target);
            this.fedBy = sourcesOf(target);
        }

        @Override
        public Optional<Instant> newestArrival() {
            return switch (target.type()) {
                case SOURCE -> lastDelivery();
                case SERVING -> target.servedPipeline()
                        .map(pipeline -> watermarks.get(CuratedTables.freshnessKey(pipeline)))
                        .or(() -> served.stream().map(PipelineFacts::lastAcceptedAt).filter(Objects::nonNull)
                                .findFirst());
                case PIPELINE,
                        DATASET ->
                    served.isEmpty() && target.type() == io.tributary.requirements.requirement.TargetType.DATASET
                            ? lastDelivery()
                            : newest(served.stream().map(PipelineFacts::lastAcceptedAt).toList());
            };
        }

        @Override
        public Optional<Instant> eventWatermark() {
            return newest(served.stream().map(PipelineFacts::eventWatermark).toList());
        }

        @Override
        public boolean eventTimeIsDate() {
            return served.stream().anyMatch(p -> p.eventTimeField() != null && "date".equals(
                    contractTypes.getOrDefault(p.dataset(), Map.of()).get(p.eventTimeField())));
        }

        @Override
        public long[] latency(Basis basis, Instant from, Instant to) {
            long[] total = new long[LatencyBuckets.COUNT];
            for (PipelineFacts pipeline : served) {
                long[] counts = cached("latency:" + pipeline.name() + ":" + basis + ":" + from + ":" + to,
                        () -> measurements.latency(pipeline.name(), LatencyRepository.Basis.valueOf(basis.name()),
                                from, to));
                for (int i = 0; i < total.length && i < counts.length; i++) {
                    total[i] += counts[i];
                }
            }
            return total;
        }

        @Override
        public Optional<Instant> lastDelivery() {
            if (fedBy.isEmpty()) {
                return Optional.empty();
            }
            return cached("last:" + fedBy, () -> measurements.lastDelivery(fedBy));
        }

        @Override
        public long deliveriesSince(Instant from) {
            return fedBy.isEmpty()
                    ? 0
                    : cached("deliveries:" + fedBy + from, () -> measurements.deliveriesSince(fedBy, from));
        }

        @Override
        public Counts counts(Instant from) {
            if (fedBy.isEmpty()) {
                return new Counts(0, 0);
            }
            long[] counts = cached("counts:" + fedBy + from, () -> measurements.counts(fedBy, from));
            return new Counts(counts[0], counts[1]);
        }

        @Override
        public long accepted(Instant from, Instant to) {
            return fedBy.isEmpty()
                    ? 0
                    : cached("accepted:" + fedBy + from + to, () -> measurements.accepted(fedBy, from, to));
        }

        @Override
        public Optional<Instant> oldestHeld() {
            if (fedBy.isEmpty()) {
                return Optional.empty();
            }
            return cached("oldest:" + fedBy, () -> measurements.oldestHeld(fedBy));
        }

        @Override
        public Optional<Instant> dataSince() {
            return dataSince;
        }

        @Override
        public Optional<Probe> probe() {
            return probe;
        }

        private Optional<Instant> newest(List<Instant> instants) {
            return instants.stream().filter(Objects::nonNull).max(Comparator.naturalOrder());
        }
    }
}
