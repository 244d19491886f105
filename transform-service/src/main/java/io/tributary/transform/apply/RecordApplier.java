package io.tributary.transform.apply;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.repository.LatencyRepository;
import io.tributary.transform.curated.CuratedRow;
import io.tributary.transform.curated.CuratedTableRepository;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.progress.PipelineProgress;
import io.tributary.transform.progress.PipelineStateRepository;
import io.tributary.transform.registry.PipelineRegistry;

/**
 * Applies one poll of accepted records to every pipeline of their datasets in one transaction, together with the
 * next offset of each partition. A record at an offset below the stored one was applied already (a redelivery after a
 * crash or a rebalance) and is skipped: each record changes the tables exactly once.
 */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class RecordApplier {

    public static final String CONSUMER = "transform-service";

    /** One chunk of stored rows computed again. */
    public record Chunk(int size, String lastKey) {
    }

    private static final Logger LOG = Logger.getLogger(RecordApplier.class);

    private final PipelineRegistry registry;
    private final PipelineWriter writer;
    private final RecordIsolation isolation;
    private final Pauses pauses;
    private final ConsumerOffsetRepository offsets;
    private final CuratedTableRepository tables;
    private final PipelineStateRepository states;
    private final LatencyRepository latencies;

    public RecordApplier(PipelineRegistry registry, PipelineWriter writer, RecordIsolation isolation, Pauses pauses,
            ConsumerOffsetRepository offsets, CuratedTableRepository tables, PipelineStateRepository states,
            LatencyRepository latencies) {
        this.registry = registry;
        this.writer = writer;
        this.isolation = isolation;
        this.pauses = pauses;
        this.offsets = offsets;
        this.tables = tables;
        this.states = states;
        this.latencies = latencies;
    }

    /** @return what each pipeline did with the poll, by pipeline name */
    public Map<String, PipelineProgress> apply(String topic, List<Delivery> deliveries) throws SQLException {
        return apply(topic, deliveries, Isolation.NONE);
    }

    /**
     * The same, with {@link Isolation#RECORDS} after the poll failed for a record's sake: that record is quarantined
     * and the others applied, with the offsets, in one transaction.
     */
    public Map<String, PipelineProgress> apply(String topic, List<Delivery> deliveries, Isolation isolation)
            throws SQLException {
        Map<Integer, Long> next = offsets.lock(CONSUMER, topic,
                deliveries.stream().map(Delivery::partition).collect(Collectors.toSet()));
        Map<Integer, Long> advanced = new HashMap<>();
        List<CompiledPipeline> pipelines = registry.current();
        pauses.check(topic, next);
        Set<String> read = pipelines.stream().map(p -> p.definition().dataset()).collect(Collectors.toSet());
        Map<String, List<Item>> byDataset = new HashMap<>();
        for (Delivery delivery : deliveries) {
            if (delivery.offset() < next.getOrDefault(delivery.partition(), 0L)) {
                continue;
            }
            advanced.merge(delivery.partition(), delivery.offset() + 1, Math::max);
            if (delivery.event() == null) {
                if (delivery.dataset() == null || read.contains(delivery.dataset())) {
                    LOG.warnf("skipped the unreadable message at %s-%d@%d", topic, delivery.partition(),
                            delivery.offset());
                }
            } else if (read.contains(delivery.event().tributarydataset())) {
                byDataset.computeIfAbsent(delivery.event().tributarydataset(), d -> new ArrayList<>())
                        .add(Item.of(delivery, Item.Mode.LIVE));
            }
        }
        Session session = new Session(registry, tables, states);
        for (CompiledPipeline pipeline : pipelines) {
            apply(pipeline, byDataset.getOrDefault(pipeline.definition().dataset(), List.of()), session, isolation);
        }
        offsets.advance(CONSUMER, topic, advanced);
        return finish(session);
    }

    /**
     * Computes again, with the pipeline's current version, the stored rows after {@code afterKey} that ingestion
     * accepted at or after {@code acceptedFrom} (with {@code staleOnly}, those an earlier version computed): one chunk
     * of a backfill.
     *
     * @return the chunk's size and last key; size 0 when no row was left
     */
    public Chunk rederive(CompiledPipeline compiled, String afterKey, Instant acceptedFrom, boolean staleOnly,
            int limit, Isolation isolation) throws SQLException {
        Map<String, CuratedRow> rows = tables.lockChunk(compiled, afterKey, acceptedFrom, staleOnly, limit);
        Session session = new Session(registry, tables, states);
        apply(compiled, rows.values().stream().map(Item::of).toList(), session, isolation);
        finish(session);
        return new Chunk(rows.size(), rows.isEmpty() ? afterKey : List.copyOf(rows.keySet()).get(rows.size() - 1));
    }

    /** Applies records read again from the topic to one pipeline: one poll of a backfill from the topic. */
    public void replay(CompiledPipeline compiled, List<Delivery> deliveries, Isolation isolation)
            throws SQLException {
        List<Item> items = deliveries.stream().filter(d -> d.event() != null
                && compiled.definition().dataset().equals(d.event().tributarydataset()))
                .map(d -> Item.of(d, Item.Mode.REPLAY)).toList();
        Session session = new Session(registry, tables, states);
        apply(compiled, items, session, isolation);
        finish(session);
    }

    private void apply(CompiledPipeline pipeline, List<Item> items, Session session, Isolation how)
            throws SQLException {
        if (how == Isolation.RECORDS) {
            isolation.apply(pipeline, items, session);
        } else {
            writer.apply(pipeline, items, session);
        }
    }

    private Map<String, PipelineProgress> finish(Session session) throws SQLException {
        Map<String, PipelineProgress> progress = new HashMap<>();
        Instant now = Instant.now();
        for (Map.Entry<String, Tally> tally : session.tallies().entrySet()) {
            if (!tally.getValue().isEmpty()) {
                PipelineProgress change = tally.getValue().progress();
                states.add(tally.getKey(), change, CuratedTables.freshnessKey(tally.getKey()));
                recordLatencies(tally.getKey(), tally.getValue(), now);
                progress.put(tally.getKey(), change);
            }
        }
        return progress;
    }

    /** How long the live records took until now, when they are applied: what latency objectives are measured on. */
    private void recordLatencies(String pipeline, Tally tally, Instant now) throws SQLException {
        if (!tally.arrivals.isEmpty()) {
            latencies.add(pipeline, now, LatencyRepository.Basis.ARRIVAL, tally.arrivals.histogram(now));
        }
        if (!tally.eventTimes.isEmpty()) {
            latencies.add(pipeline, now, LatencyRepository.Basis.EVENT_TIME, tally.eventTimes.histogram(now));
        }
    }
}
