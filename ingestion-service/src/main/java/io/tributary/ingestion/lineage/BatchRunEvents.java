package io.tributary.ingestion.lineage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tributary.catalog.lineage.ErrorMessageRunFacet;
import io.tributary.catalog.lineage.Facets;
import io.tributary.catalog.lineage.InputDataset;
import io.tributary.catalog.lineage.JobTypeJobFacet;
import io.tributary.catalog.lineage.OpenLineage;
import io.tributary.catalog.lineage.OutputDataset;
import io.tributary.catalog.lineage.OutputStatisticsOutputDatasetFacet;
import io.tributary.catalog.lineage.RecordCountsRunFacet;
import io.tributary.catalog.lineage.RunEvent;
import io.tributary.catalog.lineage.RunEventBuilder;
import io.tributary.catalog.lineage.SchemaDatasetFacet;
import io.tributary.ingestion.service.BatchCounts;
import io.tributary.ingestion.service.BatchLifecycle;

/**
 * The OpenLineage run events of a batch. The batch is a run (its id is the run id) of the job {@code ingest.<source>};
 * it reads the landed file and writes the topic of accepted records and the catalog dataset.
 */
public final class BatchRunEvents {

    public static final String PRODUCER = "https://tributary.io/ingestion-service";
    public static final String JOB_TYPE = "INGESTION";

    private final Facets facets = new Facets(PRODUCER);
    private final String kafkaNamespace;
    private final String acceptedTopic;

    /**
     * @param kafkaNamespace the OpenLineage namespace of the Kafka cluster, {@code kafka://host:port}
     * @param acceptedTopic the topic accepted records are published to
     */
    public BatchRunEvents(String kafkaNamespace, String acceptedTopic) {
        this.kafkaNamespace = kafkaNamespace;
        this.acceptedTopic = acceptedTopic;
    }

    public static String jobName(String source) {
        return "ingest." + source;
    }

    /**
     * The events a step of a batch adds to its run: STARTED gives START (RUNNING when the run had started before, as
     * when a batch is resumed or replayed), COMPLETED gives COMPLETE, FAILED gives FAIL and HELD an OTHER (the run waits for review), each preceded by a START
     * when the run has none yet, so that every run has one.
     *
     * @param contractFields the properties of the contract version the batch is checked against, with their logical
     *        types; empty when not known
     * @param started whether a START of this run is already stored
     */
    public List<RunEvent> of(BatchLifecycle step, List<SchemaDatasetFacet.Field> contractFields, boolean started) {
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
    private RunEvent declared(BatchLifecycle step, RunEvent.EventType type, List<SchemaDatasetFacet.Field> contract) {
        return base(step, type)
                .input(file(step))
                .outputs(step.contractVersion() > 0 ? outputs(step, contract, null) : List.of())
                .build();
    }

    private RunEvent complete(BatchLifecycle step, List<SchemaDatasetFacet.Field> contract) {
        BatchCounts counts = step.counts();
        RunEventBuilder event = base(step, RunEvent.EventType.COMPLETE).input(file(step));
        if (counts != null) {
            event.runFacet(RecordCountsRunFacet.NAME, facets.recordCounts(counts.received(), counts.accepted(),
                    counts.quarantined(), counts.duplicates()));
        }
        return event.outputs(outputs(step, contract, counts == null ? null : counts.accepted())).build();
    }

    private RunEvent fail(BatchLifecycle step, List<SchemaDatasetFacet.Field> contract) {
        return base(step, RunEvent.EventType.FAIL)
                .runFacet(ErrorMessageRunFacet.NAME, facets.errorMessage(step.error(), null))
                .input(file(step))
                .outputs(step.contractVersion() > 0 ? outputs(step, contract, null) : List.of())
                .build();
    }

    private RunEventBuilder base(BatchLifecycle step, RunEvent.EventType type) {
        return RunEvent.builder(PRODUCER)
                .eventType(type)
                .eventTime(step.at())
                .runId(step.batchId())
                .job(OpenLineage.TRIBUTARY_NAMESPACE, jobName(step.source()))
                .jobFacet(JobTypeJobFacet.NAME, facets.jobType(JobTypeJobFacet.BATCH, JOB_TYPE));
    }

    /** The landed file, with its header as schema once it has been read. */
    private InputDataset file(BatchLifecycle step) {
        InputDataset file = InputDataset.of(OpenLineage.FILE_NAMESPACE,
                Path.of(step.file()).toAbsolutePath().normalize().toString());
        List<String> fields = step.fields() == null ? List.of() : step.fields();
        return fields.isEmpty() ? file : file.withFacet(SchemaDatasetFacet.NAME, facets.schemaOfNames(fields));
    }

    /** The topic of accepted records and the catalog dataset; with statistics once the records are written. */
    private List<OutputDataset> outputs(BatchLifecycle step, List<SchemaDatasetFacet.Field> contract, Long accepted) {
        OutputDataset topic = OutputDataset.of(kafkaNamespace, acceptedTopic);
        OutputDataset dataset = OutputDataset.of(OpenLineage.TRIBUTARY_NAMESPACE, step.dataset());
        if (!contract.isEmpty()) {
            dataset = dataset.withFacet(SchemaDatasetFacet.NAME, facets.schema(contract));
        }
        if (accepted != null) {
            OutputStatisticsOutputDatasetFacet written = facets.outputStatistics(accepted, null);
            topic = topic.withOutputFacet(OutputStatisticsOutputDatasetFacet.NAME, written);
            dataset = dataset.withOutputFacet(OutputStatisticsOutputDatasetFacet.NAME, written);
        }
        return List.of(topic, dataset);
    }
}
