package io.tributary.transform.lineage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.openlineage.client.OpenLineage.RunEvent;
import io.tributary.catalog.entity.PipelineVersionEntity;
import io.tributary.catalog.lineage.LineageWriter;
import io.tributary.catalog.lineage.Namespaces;
import io.tributary.catalog.repository.PipelineVersionRepository;
import io.tributary.transform.backfill.BackfillLifecycle;
import io.tributary.transform.curated.CuratedTableRepository;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.pipeline.PipelineException;
import io.tributary.transform.pipeline.PipelineReader;
import io.tributary.transform.registry.PipelineRegistry;
import io.tributary.transform.service.PipelineChanged;

/** Follows pipeline versions and backfills: their OpenLineage run events go to the catalog. */
@ApplicationScoped
public class PipelineLineage {

    private static final Logger LOG = Logger.getLogger(PipelineLineage.class);

    private final LineageWriter writer;
    private final PipelineVersionRepository versions;
    private final PipelineRegistry registry;
    private final CuratedTableRepository tables;
    private final PipelineRunEvents runEvents;

    public PipelineLineage(LineageWriter writer, PipelineVersionRepository versions, PipelineRegistry registry,
            CuratedTableRepository tables, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.writer = writer;
        this.versions = versions;
        this.registry = registry;
        this.tables = tables;
        this.runEvents = new PipelineRunEvents(Namespaces.kafka(bootstrapServers));
    }

    /**
     * After the version's transaction committed, in a transaction of its own: a version that was not stored leaves no
     * run, and lineage that cannot be stored never undoes a stored version (a run whose START is lost gets one when the
     * next version completes it).
     */
    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PipelineChanged changed) {
        try {
            writer.write(() -> versionStored(changed.name(), changed.version()));
        } catch (Exception e) {
            LOG.errorf(e, "lineage of pipeline %s v%d not stored", changed.name(), changed.version());
        }
    }

    /** On the backfill's thread; nothing that goes wrong here reaches the backfill. */
    void onBackfill(@Observes BackfillLifecycle step) {
        try {
            writer.write(() -> runEvents.backfill(step, versions.findVersion(step.pipeline(), step.version())
                    .map(PipelineReader::read).orElse(null), writer.started(step.backfillId())));
        } catch (Exception e) {
            LOG.errorf(e, "lineage of backfill %s (%s) not stored", step.backfillId(), step.phase());
        }
    }

    /**
     * A version was stored: the previous version's run completes (with a START first if it has none, as when it was
     * lost) and this version's run starts, both at the time the version was stored. Events already stored are not
     * made again.
     */
    private List<RunEvent> versionStored(String name, int version) {
        PipelineVersionEntity stored = versions.findVersion(name, version)
                .orElseThrow(() -> new IllegalStateException("pipeline " + name + " v" + version + " is not stored"));
        List<RunEvent> events = new ArrayList<>();
        Optional<PipelineVersionEntity> previous = version > 1
                ? versions.findVersion(name, version - 1)
                : Optional.empty();
        if (previous.isPresent() && !writer.finished(PipelineRunEvents.runId(name, version - 1))) {
            PipelineDefinition old = PipelineReader.read(previous.get());
            if (!writer.started(PipelineRunEvents.runId(name, version - 1))) {
                events.add(runEvents.declared(old, version - 1, RunEvent.EventType.START, previous.get().createdAt));
            }
            events.add(runEvents.complete(old, version - 1, curatedRows(name, version - 1), stored.createdAt));
        }
        if (!writer.started(PipelineRunEvents.runId(name, version))) {
            events.add(start(stored));
        }
        return events;
    }

    private RunEvent start(PipelineVersionEntity stored) {
        PipelineDefinition definition = PipelineReader.read(stored);
        try {
            CompiledPipeline compiled = registry.compile(definition, stored.version);
            return runEvents.start(compiled, writer.currentContractFields(definition.dataset()), stored.createdAt);
        } catch (PipelineException | SQLException e) {
            LOG.warnf("pipeline %s v%d no longer compiles; its run starts without schemas: %s", stored.name,
                    stored.version, e.getMessage());
            return runEvents.declared(definition, stored.version, RunEvent.EventType.START, stored.createdAt);
        }
    }

    private Long curatedRows(String pipeline, int version) {
        try {
            return tables.countCuratedBy(pipeline, version);
        } catch (SQLException e) {
            LOG.warnf("rows of pipeline %s v%d not counted for lineage: %s", pipeline, version, e.getMessage());
            return null;
        }
    }
}
