package io.tributary.transform.apply;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.transform.curated.CuratedTableRepository;
import io.tributary.transform.pipeline.RowContext;
import io.tributary.transform.progress.PipelineStateRepository;
import io.tributary.transform.registry.PipelineRegistry;

/**
 * What one transaction of pipeline work shares: the reference rows it has read (read again once it changed them),
 * each pipeline's event-time watermark and its counts.
 */
final class Session implements RowContext {

    private final PipelineRegistry registry;
    private final CuratedTableRepository tables;
    private final PipelineStateRepository states;
    private final Map<String, Map<String, Map<String, Object>>> references = new HashMap<>();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Map<String, Instant> watermarks = new HashMap<>();

    Session(PipelineRegistry registry, CuratedTableRepository tables, PipelineStateRepository states) {
        this.registry = registry;
        this.tables = tables;
        this.states = states;
    }

    @Override
    public Map<String, Object> reference(String pipeline, String key) {
        return references.computeIfAbsent(pipeline, name -> {
            try {
                return tables.referenceRows(registry.find(name).orElseThrow());
            } catch (SQLException e) {
                throw new IllegalStateException("reference rows of " + name + " cannot be read", e);
            }
        }).get(key);
    }

    @Override
    public ZoneId zoneOf(String source) {
        return registry.zoneOf(source);
    }

    void referenceChanged(String pipeline) {
        references.remove(pipeline);
    }

    Tally tally(String pipeline) {
        return tallies.computeIfAbsent(pipeline, name -> new Tally());
    }

    /** The counts so far, to go back to when the work after them is rolled back to a savepoint. */
    Map<String, Tally> mark() {
        Map<String, Tally> mark = new LinkedHashMap<>();
        tallies.forEach((name, tally) -> mark.put(name, tally.copy()));
        return mark;
    }

    /**
     * Back to the counts of a {@link #mark()}, the work after it rolled back; reference rows are read again, since
     * those read after it may hold what the rollback undid.
     */
    void reset(Map<String, Tally> mark) {
        tallies.clear();
        mark.forEach((name, tally) -> tallies.put(name, tally.copy()));
        references.clear();
    }

    Map<String, Tally> tallies() {
        return tallies;
    }

    /** The newest event time the pipeline had seen before this transaction, or null. */
    Instant watermark(String pipeline) throws SQLException {
        if (!watermarks.containsKey(pipeline)) {
            watermarks.put(pipeline, states.find(pipeline).eventWatermark());
        }
        return watermarks.get(pipeline);
    }
}
