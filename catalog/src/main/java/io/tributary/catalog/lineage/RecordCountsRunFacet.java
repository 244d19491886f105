package io.tributary.catalog.lineage;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.openlineage.client.OpenLineage;

/**
 * Tributary's custom run facet {@code tributary_recordCounts}: what became of the records a run read. For a run that
 * completed, received = accepted + quarantined + duplicates.
 */
@JsonPropertyOrder({"_producer", "_schemaURL", "received", "accepted", "quarantined", "duplicates"})
public final class RecordCountsRunFacet extends OpenLineage.DefaultRunFacet {

    /** Custom facets carry a prefix naming their project, so they never collide with standard ones. */
    public static final String NAME = "tributary_recordCounts";
    public static final URI SCHEMA_URL = URI.create("https://tributary.io/spec/facets/1-0-0/RecordCountsRunFacet.json"
            + "#/$defs/RecordCountsRunFacet");

    private final long received;
    private final long accepted;
    private final long quarantined;
    private final long duplicates;

    public RecordCountsRunFacet(URI producer, long received, long accepted, long quarantined, long duplicates) {
        super(producer);
        this.received = received;
        this.accepted = accepted;
        this.quarantined = quarantined;
        this.duplicates = duplicates;
    }

    @Override
    public URI get_schemaURL() {
        return SCHEMA_URL;
    }

    @JsonProperty("received")
    public long received() {
        return received;
    }

    @JsonProperty("accepted")
    public long accepted() {
        return accepted;
    }

    @JsonProperty("quarantined")
    public long quarantined() {
        return quarantined;
    }

    @JsonProperty("duplicates")
    public long duplicates() {
        return duplicates;
    }
}
