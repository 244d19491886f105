package io.tributary.catalog.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The standard {@code outputStatistics} output facet: what one run wrote to a dataset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"_producer", "_schemaURL", "rowCount", "size"})
public record OutputStatisticsOutputDatasetFacet(
        @JsonProperty("_producer") String producer,
        @JsonProperty("_schemaURL") String schemaURL,
        long rowCount,
        Long size) implements OutputDatasetFacet {

    public static final String NAME = "outputStatistics";
    public static final String SCHEMA_URL = "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json"
            + "#/$defs/OutputStatisticsOutputDatasetFacet";
}
