package io.tributary.transform.lineage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.openlineage.client.OpenLineage.ColumnLineageDatasetFacet;
import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.InputField;
import io.openlineage.client.OpenLineage.InputFieldTransformations;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.lineage.LineageEvents;
import io.tributary.catalog.lineage.Namespaces;
import io.tributary.catalog.lineage.RunEventBuilder;
import io.tributary.transform.backfill.BackfillLifecycle;
import io.tributary.transform.backfill.BackfillService;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.pipeline.Step;
import io.tributary.transform.service.PipelineService;

/**
 * The OpenLineage run events of pipelines. Each version of a pipeline is a streaming run of the job
 * {@code transform.<pipeline>}, from when it is stored until a newer version supersedes it; it reads the catalog dataset
 * (named as ingestion names its output, so the graph connects) and the curated tables of the reference pipelines it
 * looks up, and writes its tables. A backfill is a batch run of {@code transform.<pipeline>.backfill}, whose parent is
 * the run of the version it computes with. Curated tables are datasets of the {@code tributary} namespace named
 * {@code curated.<table>}.
 */
public final class PipelineRunEvents {

    public static final String PRODUCER = "https://tributary.io/transform-service";
    public static final String JOB_TYPE = "PIPELINE";
    public static final String BACKFILL_JOB_TYPE = "BACKFILL";

    private final LineageEvents lineage = new LineageEvents(PRODUCER);
    private final String kafkaNamespace;

    /**
     * @param kafkaNamespace the OpenLineage namespace of the Kafka cluster, {@code kafka://host:port}, whose topic of
     *        the dataset's accepted records a TOPIC backfill reads again
     */
    public PipelineRunEvents(String kafkaNamespace) {
        this.kafkaNamespace = kafkaNamespace;
    }

    public static String jobName(String pipeline) {
        return "transform." + pipeline;
    }

    public static String backfillJobName(String pipeline) {
        return jobName(pipeline) + ".backfill";
    }

    /** The run of a pipeline version: the same on every replica and after every restart. */
    public static UUID runId(String pipeline, int version) {
        return UUID.nameUUIDFromBytes((jobName(pipeline) + "/v" + version).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * START of a version's run: what it reads, with the contract's fields, and what it writes, with the tables'
     * columns and the column lineage of the curated table and of the aggregate.
     *
     * @param contractFields the dataset's contract properties and their logical types; empty when not known
     */
    public RunEvent start(CompiledPipeline pipeline, List<SchemaDatasetFacetFields> contractFields, Instant at) {
        PipelineDefinition definition = pipeline.definition();
        List<InputDataset> inputs = new ArrayList<>(List.of(
                lineage.input(Namespaces.TRIBUTARY, definition.dataset(), lineage.schema(contractFields))));
        inputs.addAll(references(definition));
        return versionRun(definition.name(), pipeline.version(), RunEvent.EventType.START, at)
                .inputs(inputs)
                .outputs(outputs(pipeline))
                .build();
    }

    /**
     * A version's run as its definition declares it, without schemas: for a run whose START was lost, or whose
     * definition no longer compiles against its dataset's contract.
     */
    public RunEvent declared(PipelineDefinition definition, int version, RunEvent.EventType type,
            Instant at) {
        return versionRun(definition.name(), version, type, at)
                .inputs(inputs(definition))
                .outputs(tables(definition).stream().map(this::table).toList())
                .build();
    }

    /**
     * COMPLETE of a version's run when a newer version supersedes it.
     *
     * @param curatedRows the curated rows the version last wrote, still in its table; null when not known
     */
    public RunEvent complete(PipelineDefinition definition, int version, Long curatedRows, Instant at) {
        List<OutputDataset> outputs = new ArrayList<>();
        for (String name : tables(definition)) {
            // the rows are the curated table's, the first
            outputs.add(lineage.output(Namespaces.TRIBUTARY, name, null, null, outputs.isEmpty() ? curatedRows : null));
        }
        return versionRun(definition.name(), version, RunEvent.EventType.COMPLETE, at)
                .inputs(inputs(definition))
                .outputs(outputs)
                .build();
    }

    /**
     * The events a step of a backfill adds to its run: STARTED gives START, COMPLETED gives COMPLETE and FAILED gives
     * FAIL, each preceded by a START when the run has none yet.
     *
     * @param definition the version the backfill computes with, for the datasets; null when not found
     * @param started whether a START of this run is already stored
     */
    public List<RunEvent> backfill(BackfillLifecycle step, PipelineDefinition definition, boolean started) {
        List<RunEvent> events = new ArrayList<>();
        if (step.phase() != BackfillLifecycle.Phase.STARTED && !started) {
            events.add(backfillEvent(step, definition, RunEvent.EventType.START));
        }
        events.add(backfillEvent(step, definition, switch (step.phase()) {
            case STARTED -> RunEvent.EventType.START;
            case COMPLETED -> RunEvent.EventType.COMPLETE;
            case FAILED -> RunEvent.EventType.FAIL;
        }));
        return events;
    }

    private RunEvent backfillEvent(BackfillLifecycle step, PipelineDefinition definition, RunEvent.EventType type) {
        RunEventBuilder event = lineage.event(type, step.at(), step.backfillId())
                .parent(runId(step.pipeline(), step.version()), Namespaces.TRIBUTARY, jobName(step.pipeline()))
                .job(Namespaces.TRIBUTARY, backfillJobName(step.pipeline()), LineageEvents.BATCH, BACKFILL_JOB_TYPE);
        if (type == RunEvent.EventType.FAIL) {
            event.errorMessage(step.error());
        }
        if (step.source().readsTopic()) {
            event.input(lineage.input(kafkaNamespace, definition == null
                    ? Channels.ACCEPTED_RECORDS
                    : Channels.acceptedRecordsOf(definition.dataset())));
        }
        if (definition != null) {
            if (step.source() == BackfillService.Source.TABLE) {
                // the dataset's records, as kept with each row of the curated table
                event.input(lineage.input(Namespaces.TRIBUTARY, definition.dataset()));
            }
            event.inputs(references(definition));
            event.outputs(tables(definition).stream().map(this::table).toList());
        }
        return event.build();
    }

    private RunEventBuilder versionRun(String pipeline, int version, RunEvent.EventType type, Instant at) {
        return lineage.event(type, at, runId(pipeline, version))
                .job(Namespaces.TRIBUTARY, jobName(pipeline), LineageEvents.STREAMING, JOB_TYPE);
    }

    /** The dataset, then the curated tables of the reference pipelines looked up. */
    private List<InputDataset> inputs(PipelineDefinition definition) {
        List<InputDataset> inputs = new ArrayList<>();
        inputs.add(lineage.input(Namespaces.TRIBUTARY, definition.dataset()));
        inputs.addAll(references(definition));
        return inputs;
    }

    private List<InputDataset> references(PipelineDefinition definition) {
        Set<String> names = new LinkedHashSet<>();
        lookups(definition).forEach(lookup -> names.add(lookup.reference()));
        return names.stream().map(name -> lineage.input(Namespaces.TRIBUTARY, curated(name))).toList();
    }

    private static List<Step.Lookup> lookups(PipelineDefinition definition) {
        return definition.steps().stream().filter(Step.Lookup.class::isInstance).map(Step.Lookup.class::cast)
                .toList();
    }

    private static List<String> tables(PipelineDefinition definition) {
        return PipelineService.tablesOf(definition);
    }

    private OutputDataset table(String name) {
        return lineage.output(Namespaces.TRIBUTARY, name);
    }

    static String curated(String table) {
        return "curated." + table;
    }

    private List<OutputDataset> outputs(CompiledPipeline pipeline) {
        PipelineDefinition definition = pipeline.definition();
        List<OutputDataset> outputs = new ArrayList<>();
        List<SchemaDatasetFacetFields> columns = new ArrayList<>();
        pipeline.output().forEach((name, type) -> columns.add(typed(name, type.sqlType())));
        outputs.add(lineage.output(Namespaces.TRIBUTARY, curated(pipeline.name()), lineage.schema(columns),
                curatedLineage(pipeline), null));
        if (definition.aggregate() != null) {
            outputs.add(lineage.output(Namespaces.TRIBUTARY, curated(CuratedTables.aggregate(pipeline.name())),
                    lineage.schema(aggregateColumns(pipeline)), aggregateLineage(pipeline), null));
        }
        if (definition.features() != null) {
            String event = pipeline.eventTimeType() == null
                    ? FieldType.TIMESTAMP.sqlType()
                    : pipeline.eventTimeType().sqlType();
            outputs.add(lineage.output(Namespaces.TRIBUTARY,
                    curated(CuratedTables.customerProducts(pipeline.name())),
                    lineage.schema(List.of(typed("customer", "text"), typed("product", "text"),
                            typed("orders", "bigint"), typed("quantity", "numeric"), typed("last_event", event))),
                    null, null));
            outputs.add(lineage.output(Namespaces.TRIBUTARY, curated(CuratedTables.coPurchases(pipeline.name())),
                    lineage.schema(List.of(typed("product", "text"), typed("other_product", "text"),
                            typed("orders", "bigint"))),
                    null, null));
        }
        return outputs;
    }

    private static SchemaDatasetFacetFields typed(String name, String type) {
        return LineageEvents.field(name, type);
    }

    /**
     * Each curated column from the fields it is computed from: IDENTITY when it is one input field's value, perhaps
     * renamed or looked up; TRANSFORMATION when it is cast, normalised, mapped, converted to UTC or derived (with the
     * expression when the column is the derived field). Lookup keys are INDIRECT JOIN inputs of the whole table.
     */
    public ColumnLineageDatasetFacet curatedLineage(CompiledPipeline pipeline) {
        Map<String, String> expressions = new LinkedHashMap<>();
        pipeline.definition().steps().stream().filter(Step.Derive.class::isInstance).map(Step.Derive.class::cast)
                .forEach(derive -> expressions.put(derive.field(), derive.expression()));
        Map<String, List<InputField>> fields = new LinkedHashMap<>();
        for (String column : pipeline.output().keySet()) {
            InputFieldTransformations how = pipeline.transformed().contains(column)
                    ? lineage.transformation(expressions.get(column))
                    : lineage.identity();
            put(fields, column, inputFields(pipeline, column, how));
        }
        List<InputField> dataset = new ArrayList<>();
        for (Step.Lookup lookup : lookups(pipeline.definition())) {
            dataset.addAll(inputFields(pipeline, lookup.key(),
                    lineage.indirect(LineageEvents.JOIN, "lookup in " + lookup.reference())));
        }
        return lineage.columnLineage(fields, dataset);
    }

    /**
     * The aggregate's columns from the fields of the curated columns they come from: the time bucket from the event
     * time, each dimension as its curated column, each measure a sum (AGGREGATION). The event time and the dimensions
     * are INDIRECT GROUP_BY inputs of the whole table.
     */
    public ColumnLineageDatasetFacet aggregateLineage(CompiledPipeline pipeline) {
        PipelineDefinition definition = pipeline.definition();
        PipelineDefinition.Aggregate aggregate = definition.aggregate();
        Map<String, List<InputField>> fields = new LinkedHashMap<>();
        List<InputField> dataset = new ArrayList<>();
        String bucket = pipeline.eventTimeType() == FieldType.DATE
                ? "day of " + definition.eventTime()
                : "15-minute UTC bucket of " + definition.eventTime();
        put(fields, "_bucket", inputFields(pipeline, definition.eventTime(), lineage.transformation(bucket)));
        dataset.addAll(inputFields(pipeline, definition.eventTime(), lineage.indirect(LineageEvents.GROUP_BY, null)));
        for (String dimension : aggregate.dimensions()) {
            InputFieldTransformations how = pipeline.transformed().contains(dimension)
                    ? lineage.transformation(null)
                    : lineage.identity();
            put(fields, dimension, inputFields(pipeline, dimension, how));
            dataset.addAll(inputFields(pipeline, dimension, lineage.indirect(LineageEvents.GROUP_BY, null)));
        }
        for (String measure : aggregate.measures()) {
            put(fields, measure, inputFields(pipeline, measure, lineage.aggregation("sum(" + measure + ")")));
        }
        return lineage.columnLineage(fields, dataset);
    }

    private static List<SchemaDatasetFacetFields> aggregateColumns(CompiledPipeline pipeline) {
        List<SchemaDatasetFacetFields> columns = new ArrayList<>();
        columns.add(typed("_bucket", pipeline.eventTimeType() == null
                ? "timestamptz"
                : pipeline.eventTimeType().sqlType()));
        pipeline.definition().aggregate().dimensions().forEach(d -> columns.add(typed(d, "text")));
        pipeline.definition().aggregate().measures().forEach(m -> columns.add(typed(m, "numeric")));
        columns.add(typed("_lines", "bigint"));
        return columns;
    }

    private static void put(Map<String, List<InputField>> fields, String column, List<InputField> inputs) {
        if (!inputs.isEmpty()) {
            fields.put(column, inputs);
        }
    }

    /**
     * The input fields a curated column is computed from: a field of the dataset, or {@code reference.field} of a
     * reference pipeline's curated table.
     */
    private List<InputField> inputFields(CompiledPipeline pipeline, String column, InputFieldTransformations how) {
        List<InputField> inputs = new ArrayList<>();
        for (String source : pipeline.lineage().getOrDefault(column, Set.of())) {
            int dot = source.indexOf('.');
            if (pipeline.input().containsKey(source) || dot < 0) {
                inputs.add(lineage.inputField(Namespaces.TRIBUTARY, pipeline.definition().dataset(), source, how));
            } else {
                inputs.add(lineage.inputField(Namespaces.TRIBUTARY, curated(source.substring(0, dot)),
                        source.substring(dot + 1), how));
            }
        }
        return inputs;
    }
}
