package io.tributary.catalog.lineage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent;

/** Builds one run event of the client's model; inputs and outputs keep the order they are added in. */
public final class RunEventBuilder {

    private final OpenLineage model;
    private final RunEvent.EventType type;
    private final Instant at;
    private final UUID run;
    private final OpenLineage.RunFacetsBuilder runFacets = new OpenLineage.RunFacetsBuilder();
    private boolean hasRunFacets;
    private String jobNamespace;
    private String jobName;
    private OpenLineage.JobFacets jobFacets;
    private final List<InputDataset> inputs = new ArrayList<>();
    private final List<OutputDataset> outputs = new ArrayList<>();

    RunEventBuilder(OpenLineage model, RunEvent.EventType type, Instant at, UUID run) {
        this.model = model;
        this.type = Objects.requireNonNull(type, "eventType");
        this.at = Objects.requireNonNull(at, "eventTime");
        this.run = Objects.requireNonNull(run, "runId");
    }

    /**
     * The job, with its standard {@code jobType} facet.
     *
     * @param processingType {@link LineageEvents#BATCH} or {@link LineageEvents#STREAMING}
     * @param jobType what kind of Tributary job: {@code INGESTION}, {@code PIPELINE}...
     */
    public RunEventBuilder job(String namespace, String name, String processingType, String jobType) {
        this.jobNamespace = LineageEvents.text(namespace, "job namespace");
        this.jobName = LineageEvents.text(name, "job name");
        this.jobFacets = model.newJobFacetsBuilder()
                .jobType(model.newJobTypeJobFacet(processingType, LineageEvents.INTEGRATION, jobType, null))
                .build();
        return this;
    }

    /** A job without facets. */
    public RunEventBuilder job(String namespace, String name) {
        this.jobNamespace = LineageEvents.text(namespace, "job namespace");
        this.jobName = LineageEvents.text(name, "job name");
        this.jobFacets = null;
        return this;
    }

    /** The standard {@code parent} facet: the run, of another job, that this run belongs to. */
    public RunEventBuilder parent(UUID parentRun, String namespace, String name) {
        runFacets.parent(model.newParentRunFacetBuilder()
                .run(model.newParentRunFacetRunBuilder().runId(Objects.requireNonNull(parentRun, "parent runId"))
                        .build())
                .job(model.newParentRunFacetJobBuilder().namespace(LineageEvents.text(namespace, "parent namespace"))
                        .name(LineageEvents.text(name, "parent name")).build())
                .build());
        hasRunFacets = true;
        return this;
    }

    /** The standard {@code errorMessage} facet: why a run failed. */
    public RunEventBuilder errorMessage(String message) {
        runFacets.errorMessage(model.newErrorMessageRunFacet(
                message == null || message.isBlank() ? "unknown error" : message, "JAVA", null));
        hasRunFacets = true;
        return this;
    }

    /** A custom run facet, under its prefixed name. */
    public RunEventBuilder runFacet(String name, OpenLineage.RunFacet facet) {
        runFacets.put(name, facet);
        hasRunFacets = true;
        return this;
    }

    public RunEventBuilder input(InputDataset input) {
        inputs.add(input);
        return this;
    }

    public RunEventBuilder inputs(List<InputDataset> more) {
        inputs.addAll(more);
        return this;
    }

    public RunEventBuilder output(OutputDataset output) {
        outputs.add(output);
        return this;
    }

    public RunEventBuilder outputs(List<OutputDataset> more) {
        outputs.addAll(more);
        return this;
    }

    /** The event; its time is kept to the microsecond, the precision the catalog stores. */
    public RunEvent build() {
        if (jobName == null) {
            throw new IllegalStateException("a run event needs its job");
        }
        return model.newRunEventBuilder()
                .eventType(type)
                .eventTime(at.truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC))
                .run(model.newRun(run, hasRunFacets ? runFacets.build() : null))
                .job(model.newJob(jobNamespace, jobName, jobFacets))
                .inputs(List.copyOf(inputs))
                .outputs(List.copyOf(outputs))
                .build();
    }
}
