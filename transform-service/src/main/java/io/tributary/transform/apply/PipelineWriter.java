package io.tributary.transform.apply;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.repository.QuarantineRepository;
import io.tributary.transform.aggregate.AggregateRepository;
import io.tributary.transform.curated.CuratedRow;
import io.tributary.transform.curated.CuratedTableRepository;
import io.tributary.transform.features.FeatureChanges;
import io.tributary.transform.features.FeatureRepository;
import io.tributary.transform.features.OrderLine;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.Outcome;
import io.tributary.transform.pipeline.RowContext;
import io.tributary.transform.registry.PipelineRegistry;

/**
 * Applies records to one pipeline's tables inside the caller's transaction, carrying out what {@link RowDecision}
 * decides for each: each key's latest record wins (an exact repeat is counted and dropped, a correction replaces the
 * row, an older offset of the same partition is ignored). The aggregate and the features move by the difference between old and new rows (a purchase history that lost a row
 * is computed again). A reference pipeline then completes the facts that look up the keys it changed.
 */
@ApplicationScoped
public class PipelineWriter {

    static final Duration DEFAULT_LATENESS = Duration.ofDays(1);

    private final CuratedTableRepository rows;
    private final AggregateRepository aggregates;
    private final FeatureRepository features;
    private final QuarantineRepository quarantine;
    private final PipelineRegistry registry;

    public PipelineWriter(CuratedTableRepository rows, AggregateRepository aggregates, FeatureRepository features,
            QuarantineRepository quarantine, PipelineRegistry registry) {
        this.rows = rows;
        this.aggregates = aggregates;
        this.features = features;
        this.quarantine = quarantine;
        this.registry = registry;
    }

    /** Applies the items, which are in offset order. */
    void apply(CompiledPipeline pipeline, List<Item> items, Session session) throws SQLException {
        apply(pipeline, items, session, null);
    }

    /**
     * Applies the items as failed rows, quarantined with the reason PostgreSQL gave for refusing their rows: what
     * {@link RecordIsolation} does with a record found to fail alone.
     */
    void refuse(CompiledPipeline pipeline, List<Item> items, Session session, Refusal refusal) throws SQLException {
        apply(pipeline, items, session, refusal);
    }

    private void apply(CompiledPipeline pipeline, List<Item> items, Session session, Refusal refusal)
            throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        rows.lockPipeline(pipeline);
        Tally tally = session.tally(pipeline.name());
        List<Outcome> outcomes = items.stream().map(item -> {
            Outcome outcome = run(pipeline, item, session);
            return refusal == null
                    ? outcome
                    : new Outcome.Failed(outcome.key(), refusal.step(), null, refusal.reason());
        }).toList();
        Set<String> keys = new LinkedHashSet<>();
        outcomes.forEach(outcome -> keys.add(outcome.key()));
        Map<String, CuratedRow> stored = rows.lock(pipeline, keys);
        Map<String, CuratedRow> current = new HashMap<>(stored);
        Map<String, CuratedRow> writes = new LinkedHashMap<>();
        Changes changes = new Changes(pipeline);
        Duration lateness = pipeline.definition().lateness() == null
                ? DEFAULT_LATENESS
                : pipeline.definition().lateness();
        Instant watermark = session.watermark(pipeline.name());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Outcome outcome = outcomes.get(i);
            CuratedRow row = row(pipeline, item, outcome);
            Instant eventTime = Changes.eventInstant(pipeline, row);
            Instant newest = later(watermark, tally.eventWatermark);
            RowDecision decision = RowDecision.decide(item.mode(), current.get(row.key()), row, eventTime,
                    newest == null ? null : newest.minus(lateness));
            if (item.mode() == Item.Mode.LIVE) {
                tally.seeAccepted(item.acceptedAt());
                tally.arrivals.add(item.acceptedAt());
            }
            tally.count(item.mode(), decision);
            if (decision instanceof RowDecision.Write write) {
                if (outcome instanceof Outcome.Failed failed) {
                    quarantine.persist(quarantineEntry(pipeline, item, failed,
                            refusal == null ? null : refusal.sqlState()));
                }
                if (write.retracted() != null) {
                    changes.remove(write.retracted());
                }
                if (row.isCurated()) {
                    tally.seeEventTime(eventTime);
                    if (item.mode() == Item.Mode.LIVE && pipeline.eventTimeType() == FieldType.TIMESTAMP) {
                        tally.eventTimes.add(eventTime);
                    }
                    changes.add(row, write.late());
                }
                current.put(row.key(), row);
                writes.put(row.key(), row);
            }
        }
        write(pipeline, writes, stored.keySet(), changes);
        if (pipeline.isReference() && !writes.isEmpty()) {
            session.referenceChanged(pipeline.name());
            for (PipelineRegistry.Dependent dependent : registry.dependentsOf(pipeline.name())) {
                Map<String, CuratedRow> facts = rows.lockWhere(dependent.pipeline(), dependent.keyField(),
                        writes.keySet());
                apply(dependent.pipeline(), facts.values().stream().map(Item::of).toList(), session);
            }
        }
    }

    private void write(CompiledPipeline pipeline, Map<String, CuratedRow> writes, Set<String> stored,
            Changes changes)
            throws SQLException {
        FeatureChanges moved = changes.features == null || changes.features.isEmpty() ? null : changes.features;
        Map<OrderLine, Long> before = moved == null ? Map.of() : features.linesOf(pipeline, moved.orders());
        rows.write(pipeline, writes.values(), stored);
        if (pipeline.definition().aggregate() != null) {
            aggregates.apply(pipeline, changes.cells);
        }
        if (moved != null) {
            boolean fromBefore = moved.worksFromLinesBefore();
            Map<String, Set<String>> after = fromBefore
                    ? moved.productsAfter(before)
                    : FeatureChanges.products(features.linesOf(pipeline, moved.orders()));
            features.moveCoPurchases(pipeline, FeatureChanges.coPurchases(FeatureChanges.products(before), after));
            if (fromBefore) {
                features.moveHistories(pipeline, moved.historyMoves(before));
            }
            features.refreshHistories(pipeline, moved.historiesToRefresh(!fromBefore));
        }
    }

    /**
     * Runs the pipeline on the item; anything thrown while its expressions are evaluated (an {@link Error} such as a
     * stack overflow included) fails that record alone, unless the JVM itself ran out of resources.
     */
    static Outcome run(CompiledPipeline pipeline, Item item, RowContext context) {
        try {
            return pipeline.run(item.data(), item.source(), item.businessKey(), context);
        } catch (RuntimeException | Error e) {
            if (Failures.of(e) != Failures.Kind.RECORD) {
                throw e;
            }
            return new Outcome.Failed(item.businessKey(), "evaluation", null,
                    "the record could not be evaluated: " + e);
        }
    }

    static CuratedRow row(CompiledPipeline pipeline, Item item, Outcome outcome) {
        CuratedRow.Status status = outcome instanceof Outcome.Curated
                ? CuratedRow.Status.CURATED
                : outcome instanceof Outcome.Filtered ? CuratedRow.Status.FILTERED : CuratedRow.Status.FAILED;
        Map<String, Object> values = outcome instanceof Outcome.Curated curated ? curated.values() : Map.of();
        List<String> pending = outcome instanceof Outcome.Curated curated ? curated.pending() : List.of();
        return new CuratedRow(outcome.key(), item.recordId(), item.source(), item.batch(), item.position(),
                item.partition(), item.offset(), pipeline.version(), item.hash(), status, pending, item.input(),
                item.acceptedAt(), values);
    }

    static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** What the quarantine holds of a record a pipeline could not process or store. */
    static QuarantinedRecordEntity quarantineEntry(CompiledPipeline pipeline, Item item, Outcome.Failed failed,
            String sqlState) {
        QuarantinedRecordEntity entry = new QuarantinedRecordEntity();
        entry.batchId = item.batch();
        entry.dataset = pipeline.definition().dataset();
        entry.position = item.position();
        entry.field = failed.field();
        entry.rule = "pipeline." + pipeline.name();
        entry.reason = "pipeline " + pipeline.name() + " v" + pipeline.version() + ", " + failed.step() + ": "
                + failed.reason();
        entry.raw = item.input();
        entry.stage = "pipeline:" + pipeline.name();
        entry.step = failed.step();
        entry.sqlState = sqlState;
        return entry;
    }
}
