package io.tributary.transform.lineage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.entity.PipelineVersionEntity;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.lineage.LineageRepository;
import io.tributary.catalog.lineage.OpenLineage;
import io.tributary.catalog.lineage.RunEvent;
import io.tributary.catalog.lineage.SchemaDatasetFacet;
import io.tributary.catalog.repository.ContractVersionRepository;
import io.tributary.catalog.repository.PipelineVersionRepository;
import io.tributary.transform.backfill.BackfillLifecycle;
import io.tributary.transform.curated.CuratedTableRepository;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.pipeline.PipelineException;
import io.tributary.transform.pipeline.PipelineReader;
import io.tributary.transform.registry.PipelineRegistry;

/** Stores the run events of pipeline versions and backfills in the catalog, each time in a transaction of its own. */
@ApplicationScoped
public class LineageWriter {

    private static final Logger LOG = Logger.getLogger(LineageWriter.class);

    private final LineageRepository lineage;
    private final PipelineVersionRepository versions;
    private final ContractVersionRepository contracts;
    private final PipelineRegistry registry;
    private final CuratedTableRepository tables;
    private final PipelineRunEvents runEvents;

    public LineageWriter(LineageRepository lineage, PipelineVersionRepository versions,
            ContractVersionRepository contracts, PipelineRegistry registry, CuratedTableRepository tables,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.lineage = lineage;
        this.versions = versions;
        this.contracts = contracts;
        this.registry = registry;
        this.tables = tables;
        this.runEvents = new PipelineRunEvents(OpenLineage.kafkaNamespace(bootstrapServers),
                Channels.ACCEPTED_RECORDS);
    }

    /**
     * A version was stored: the previous version's run completes (with a START first if it has none, as when it was
     * lost) and this version's run starts, both at the time the version was stored. Events already stored are not
     * stored again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<RunEvent> versionStored(String name, int version) {
        PipelineVersionEntity stored = versions.findVersion(name, version)
                .orElseThrow(() -> new IllegalStateException("pipeline " + name + " v" + version + " is not stored"));
        List<RunEvent> events = new ArrayList<>();
        Optional<PipelineVersionEntity> previous = version > 1
                ? versions.findVersion(name, version - 1)
                : Optional.empty();
        if (previous.isPresent() && !finished(PipelineRunEvents.runId(name, version - 1))) {
            PipelineDefinition old = definition(previous.get());
            if (!lineage.hasEvent(PipelineRunEvents.runId(name, version - 1), RunEvent.EventType.START)) {
                events.add(runEvents.declared(old, version - 1, RunEvent.EventType.START, previous.get().createdAt));
            }
            events.add(runEvents.complete(old, version - 1, curatedRows(name, version - 1), stored.createdAt));
        }
        if (!lineage.hasEvent(PipelineRunEvents.runId(name, version), RunEvent.EventType.START)) {
            events.add(start(stored));
        }
        events.forEach(lineage::record);
        return events;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<RunEvent> backfill(BackfillLifecycle step) {
        PipelineDefinition definition = versions.findVersion(step.pipeline(), step.version())
                .map(LineageWriter::definition)
                .orElse(null);
        List<RunEvent> events = runEvents.backfill(step, definition,
                lineage.hasEvent(step.backfillId(), RunEvent.EventType.START));
        events.forEach(lineage::record);
        return events;
    }

    private RunEvent start(PipelineVersionEntity stored) {
        PipelineDefinition definition = definition(stored);
        try {
            CompiledPipeline compiled = registry.compile(definition, stored.version);
            return runEvents.start(compiled, contractFields(definition.dataset()), stored.createdAt);
        } catch (PipelineException | SQLException e) {
            LOG.warnf("pipeline %s v%d no longer compiles; its run starts without schemas: %s", stored.name,
                    stored.version, e.getMessage());
            return runEvents.declared(definition, stored.version, RunEvent.EventType.START, stored.createdAt);
        }
    }

    private boolean finished(UUID run) {
        return lineage.hasEvent(run, RunEvent.EventType.COMPLETE) || lineage.hasEvent(run, RunEvent.EventType.FAIL)
                || lineage.hasEvent(run, RunEvent.EventType.ABORT);
    }

    private Long curatedRows(String pipeline, int version) {
        try {
            return tables.countCuratedBy(pipeline, version);
        } catch (SQLException e) {
            LOG.warnf("rows of pipeline %s v%d not counted for lineage: %s", pipeline, version, e.getMessage());
            return null;
        }
    }

    private List<SchemaDatasetFacet.Field> contractFields(String dataset) {
        return contracts.findCurrent(dataset).map(contract -> {
            try {
                return ContractReader.read(ContractReader.parse(contract.document, ContractReader.Syntax.JSON),
                        dataset).properties().stream()
                        .map(p -> SchemaDatasetFacet.Field.typed(p.name(), p.logicalType().odcsName()))
                        .toList();
            } catch (ContractException e) {
                LOG.warnf("the contract of %s cannot be read for lineage: %s", dataset, e.getMessage());
                return List.<SchemaDatasetFacet.Field>of();
            }
        }).orElse(List.of());
    }

    private static PipelineDefinition definition(PipelineVersionEntity version) {
        return PipelineReader.read(version);
    }
}
