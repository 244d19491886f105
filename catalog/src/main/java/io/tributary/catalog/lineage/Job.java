package io.tributary.catalog.lineage;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A recurring process that reads and writes datasets, unique by namespace and name. */
@JsonPropertyOrder({"namespace", "name", "facets"})
public record Job(String namespace, String name, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, JobFacet> facets) {

    public Job {
        Maps.requireText(namespace, "job namespace");
        Maps.requireText(name, "job name");
        facets = Maps.ordered(facets);
    }
}
