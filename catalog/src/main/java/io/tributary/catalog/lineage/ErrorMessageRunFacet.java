package io.tributary.catalog.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The standard {@code errorMessage} run facet: why a run failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"_producer", "_schemaURL", "message", "programmingLanguage", "stackTrace"})
public record ErrorMessageRunFacet(
        @JsonProperty("_producer") String producer,
        @JsonProperty("_schemaURL") String schemaURL,
        String message,
        String programmingLanguage,
        String stackTrace) implements RunFacet {

    public static final String NAME = "errorMessage";
    public static final String SCHEMA_URL = "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json"
            + "#/$defs/ErrorMessageRunFacet";
}
