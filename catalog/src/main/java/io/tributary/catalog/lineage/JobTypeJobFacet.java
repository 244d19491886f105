package io.tributary.catalog.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The standard {@code jobType} job facet.
 *
 * @param processingType {@code BATCH} or {@code STREAMING}
 * @param integration always {@link OpenLineage#INTEGRATION} for Tributary's jobs
 * @param jobType what kind of Tributary job: {@code INGESTION}, {@code PIPELINE}...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"_producer", "_schemaURL", "processingType", "integration", "jobType"})
public record JobTypeJobFacet(
        @JsonProperty("_producer") String producer,
        @JsonProperty("_schemaURL") String schemaURL,
        String processingType,
        String integration,
        String jobType) implements JobFacet {

    public static final String NAME = "jobType";
    public static final String SCHEMA_URL = "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json"
            + "#/$defs/JobTypeJobFacet";
    public static final String BATCH = "BATCH";
    public static final String STREAMING = "STREAMING";
}
