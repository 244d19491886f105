package io.tributary.ingestion.lineage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.lineage.LineageEvents;
import io.tributary.catalog.lineage.Namespaces;
import io.tributary.catalog.lineage.RecordCountsRunFacet;
import io.tributary.catalog.lineage.RunEventBuilder;
import io.tributary.ingestion.batch.BatchCounts;
import io.tributary.ingestion.batch.BatchLifecycle;

/**
 * The OpenLineage run events of a batch. The batch is a run (its id is the run id) of the job {@code ingest.<source>};
 * it reads the landed file and writes the topic of accepted records and the catalog dataset.
 */
public final class BatchRunEvents {

    public static final String PRODUCER = "https://tributary.io/ingestion-service";
    public static final String JOB_TYPE = "INGESTION";

    private final LineageEvents lineage = new LineageEvents(PRODUCER);
    private final String kafkaNamespace;

    /** @param kafkaNamespace the OpenLineage namespace of the Kafka cluster, {@code kafka://host:port} */
    public BatchRunEvents(String kafkaNamespace) {
        this.kafkaNamespace = kafkaNamespace;
    }

    public static String jobName(String source) {
        return "ingest." + source;
    }

    /**
     * The events a step of a batch adds to its run: STARTED gives START (RUNNING when the run had started before, as
     * when a batch is resumed or replayed), COMPLETED gives COMPLETE, FAILED gives FAIL and HELD an OTHER (the run
     * waits for review), each preceded by a START when the run has none yet, so that every run has one.
     *
     * @param contractFields the properties of the contract version the batch is checked against, with their logical
     *        types; empty when not known
     * @param started whether a START of this run is already stored
     */
    public List<RunEvent> of(BatchLifecycle step, List<SchemaDatasetFacetFields> contractFields, boolean started) {
        List<RunEvent> events = new ArrayList<>();
        switch (step.phase()) {
            case STARTED -> events.add(
                    declared(step, started ? RunEvent.EventType.RUNNING : RunEvent.EventType.START, contractFields));
            case COMPLETED -> {
                if (!started) {
                    events.add(declared(step, RunEvent.EventType.START, contractFields));
                }
                events.add(complete(step, contractFields));
            }
            case FAILED -> {
                if (!started) {
                    events.add(declared(step, RunEvent.EventType.START, contractFields));
                }
                events.add(fail(step, contractFields));
            }
            case HELD -> events.add(base(step, RunEvent.EventType.OTHER).input(file(step)).build());
        }
        return events;
    }

    /** What the run reads and means to write, without statistics. */
    private RunEvent declared(BatchLifecycle step, RunEvent.EventType type, List<SchemaDatasetFacetFields> contract) {
        return base(step, type)
                .input(file(step))
                .outputs(step.contractVersion() > 0 ? outputs(step, contract, null) : List.of())
                .build();
    }

    private RunEvent complete(BatchLifecycle step, List<SchemaDatasetFacetFields> contract) {
        BatchCounts counts = step.counts();
        RunEventBuilder event = base(step, RunEvent.EventType.COMPLETE).input(file(step));
        if (counts != null) {
            event.runFacet(RecordCountsRunFacet.NAME, lineage.recordCounts(counts.received(), counts.accepted(),
                    counts.quarantined(), counts.duplicates()));
        }
        return event.outputs(outputs(step, contract, counts == null ? null : counts.accepted())).build();
    }

    private RunEvent fail(BatchLifecycle step, List<SchemaDatasetFacetFields> contract) {
        return base(step, RunEvent.EventType.FAIL)
                .errorMessage(step.error())
                .input(file(step))
                .outputs(step.contractVersion() > 0 ? outputs(step, contract, null) : List.of())
                .build();
    }

    private RunEventBuilder base(BatchLifecycle step, RunEvent.EventType type) {
        return lineage.event(type, step.at(), step.batchId())
                .job(Namespaces.TRIBUTARY, jobName(step.source()), LineageEvents.BATCH, JOB_TYPE);
    }

    /** The landed file, with its header as schema once it has been read. */
    private InputDataset file(BatchLifecycle step) {
        List<String> fields = step.fields() == null ? List.of() : step.fields();
        return lineage.input(Namespaces.FILE, Path.of(step.file()).toAbsolutePath().normalize().toString(),
                lineage.schemaOfNames(fields));
    }

    /**
     * The dataset's topic of accepted records and the catalog dataset; with statistics once the records are written.
     */
    private List<OutputDataset> outputs(BatchLifecycle step, List<SchemaDatasetFacetFields> contract, Long accepted) {
        return List.of(lineage.output(kafkaNamespace, Channels.acceptedRecordsOf(step.dataset()), null, null,
                accepted),
                lineage.output(Namespaces.TRIBUTARY, step.dataset(), lineage.schema(contract), null, accepted));
    }
}
