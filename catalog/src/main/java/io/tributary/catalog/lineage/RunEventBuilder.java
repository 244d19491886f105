package io.tributary.catalog.lineage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds one {@link RunEvent}; the job and run facets, inputs and outputs keep the order they are added in. */
public final class RunEventBuilder {

    private final String producer;
    private RunEvent.EventType eventType;
    private Instant eventTime;
    private UUID runId;
    private final Map<String, RunFacet> runFacets = new LinkedHashMap<>();
    private String jobNamespace;
    private String jobName;
    private final Map<String, JobFacet> jobFacets = new LinkedHashMap<>();
    private final List<InputDataset> inputs = new ArrayList<>();
    private final List<OutputDataset> outputs = new ArrayList<>();

    RunEventBuilder(String producer) {
        this.producer = Facets.requireAbsoluteUri(producer, "producer");
    }

    public RunEventBuilder eventType(RunEvent.EventType type) {
        this.eventType = type;
        return this;
    }

    /** The time is kept to the microsecond, the precision the catalog stores. */
    public RunEventBuilder eventTime(Instant time) {
        this.eventTime = time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    public RunEventBuilder runId(UUID id) {
        this.runId = id;
        return this;
    }

    public RunEventBuilder runFacet(String key, RunFacet facet) {
        runFacets.put(key, facet);
        return this;
    }

    public RunEventBuilder job(String namespace, String name) {
        this.jobNamespace = namespace;
        this.jobName = name;
        return this;
    }

    public RunEventBuilder jobFacet(String key, JobFacet facet) {
        jobFacets.put(key, facet);
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

    public RunEvent build() {
        return new RunEvent(eventType, eventTime, new Run(runId, runFacets), new Job(jobNamespace, jobName, jobFacets),
                inputs, outputs, producer, OpenLineage.RUN_EVENT_SCHEMA_URL);
    }
}
