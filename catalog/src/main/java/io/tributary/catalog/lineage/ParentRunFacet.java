package io.tributary.catalog.lineage;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The standard {@code parent} run facet: the run of another job that this run belongs to. */
@JsonPropertyOrder({"_producer", "_schemaURL", "run", "job"})
public record ParentRunFacet(
        @JsonProperty("_producer") String producer,
        @JsonProperty("_schemaURL") String schemaURL,
        RunRef run,
        JobRef job) implements RunFacet {

    public static final String NAME = "parent";
    public static final String SCHEMA_URL = "https://openlineage.io/spec/facets/1-0-1/ParentRunFacet.json"
            + "#/$defs/ParentRunFacet";

    public ParentRunFacet {
        Objects.requireNonNull(run, "parent run");
        Objects.requireNonNull(job, "parent job");
    }

    public record RunRef(UUID runId) {

        public RunRef {
            Objects.requireNonNull(runId, "parent runId");
        }
    }

    @JsonPropertyOrder({"namespace", "name"})
    public record JobRef(String namespace, String name) {

        public JobRef {
            Maps.requireText(namespace, "parent job namespace");
            Maps.requireText(name, "parent job name");
        }
    }
}
