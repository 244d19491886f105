package io.tributary.catalog.lineage;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The standard {@code schema} dataset facet: the dataset's fields, with their types when known. */
@JsonPropertyOrder({"_producer", "_schemaURL", "fields"})
public record SchemaDatasetFacet(
        @JsonProperty("_producer") String producer,
        @JsonProperty("_schemaURL") String schemaURL,
        List<Field> fields) implements DatasetFacet {

    public static final String NAME = "schema";
    public static final String SCHEMA_URL = "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json"
            + "#/$defs/SchemaDatasetFacet";

    public SchemaDatasetFacet {
        fields = List.copyOf(fields);
    }

    /** One field; {@code type} and {@code description} are left out when null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "type", "description"})
    public record Field(String name, String type, String description) {

        public Field {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a schema field needs a name");
            }
        }

        public static Field named(String name) {
            return new Field(name, null, null);
        }

        public static Field typed(String name, String type) {
            return new Field(name, type, null);
        }
    }
}
