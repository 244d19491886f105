package io.tributary.catalog.lineage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Tributary's custom run facet {@code tributary_recordCounts}: what became of the records a run read. For a run that
 * completed, received = accepted + quarantined + duplicates.
 */
@JsonPropertyOrder({"_producer", "_schemaURL", "received", "accepted", "quarantined", "duplicates"})
public record RecordCountsRunFacet(
        @JsonProperty("_producer") String producer,
        @JsonProperty("_schemaURL") String schemaURL,
        long received,
        long accepted,
        long quarantined,
        long duplicates) implements RunFacet {

    /** Custom facets carry a prefix naming their project, so they never collide with standard ones. */
    public static final String NAME = "tributary_recordCounts";
    public static final String SCHEMA_URL = "https://tributary.io/spec/facets/1-0-0/RecordCountsRunFacet.json"
            + "#/$defs/RecordCountsRunFacet";
}
