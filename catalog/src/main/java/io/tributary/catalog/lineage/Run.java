package io.tributary.catalog.lineage;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One execution of a job. All events of a run share its {@code runId}. */
@JsonPropertyOrder({"runId", "facets"})
public record Run(UUID runId, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, RunFacet> facets) {

    public Run {
        Objects.requireNonNull(runId, "runId");
        facets = Maps.ordered(facets);
    }
}
