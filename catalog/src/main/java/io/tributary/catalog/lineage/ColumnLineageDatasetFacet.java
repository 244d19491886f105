package io.tributary.catalog.lineage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The standard {@code columnLineage} dataset facet of an output: for each of its fields, the input fields it is computed
 * from and how.
 *
 * @param fields output field name to the input fields it is computed from, in the order given
 * @param dataset input fields that affect the whole dataset rather than one field (filters, joins, grouping); left
 *        out when empty
 */
@JsonPropertyOrder({"_producer", "_schemaURL", "fields", "dataset"})
public record ColumnLineageDatasetFacet(
        @JsonProperty("_producer") String producer,
        @JsonProperty("_schemaURL") String schemaURL,
        Map<String, Fields> fields,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InputField> dataset) implements DatasetFacet {

    public static final String NAME = "columnLineage";
    public static final String SCHEMA_URL = "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json"
            + "#/$defs/ColumnLineageDatasetFacet";

    public ColumnLineageDatasetFacet {
        Objects.requireNonNull(fields, "fields");
        fields.keySet().forEach(name -> Maps.requireText(name, "output field"));
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        dataset = dataset == null ? List.of() : List.copyOf(dataset);
    }

    /** What one output field is computed from. */
    @JsonPropertyOrder({"inputFields"})
    public record Fields(List<InputField> inputFields) {

        public Fields {
            inputFields = List.copyOf(inputFields);
        }
    }

    /** A field of an input dataset, and what is done to it on the way. */
    @JsonPropertyOrder({"namespace", "name", "field", "transformations"})
    public record InputField(
            String namespace,
            String name,
            String field,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Transformation> transformations) {

        public InputField {
            Maps.requireText(namespace, "input dataset namespace");
            Maps.requireText(name, "input dataset name");
            Maps.requireText(field, "input field");
            transformations = transformations == null ? List.of() : List.copyOf(transformations);
        }
    }

    /**
     * How an input field reaches the output: {@code DIRECT} when the output value is computed from it, {@code INDIRECT}
     * when it only decides which rows there are or where they go.
     *
     * @param description the transformation as written, such as an expression; null when it says nothing more
     * @param masking whether the output hides the input's value (a hash, a redaction)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "subtype", "description", "masking"})
    public record Transformation(Type type, Subtype subtype, String description, Boolean masking) {

        public enum Type {
            DIRECT,
            INDIRECT
        }

        public enum Subtype {
            /** DIRECT: the value as it was, perhaps under another name. */
            IDENTITY,
            /** DIRECT: a value computed from the input, such as a cast, a normalisation or an expression. */
            TRANSFORMATION,
            /** DIRECT: a value computed from several rows' inputs, such as a sum. */
            AGGREGATION,
            /** INDIRECT: the input is a join key. */
            JOIN,
            /** INDIRECT: the input groups the rows. */
            GROUP_BY,
            /** INDIRECT: the input decides which rows are kept. */
            FILTER,
            SORT,
            WINDOW,
            CONDITIONAL
        }

        public Transformation {
            Objects.requireNonNull(type, "transformation type");
        }

        public static Transformation identity() {
            return new Transformation(Type.DIRECT, Subtype.IDENTITY, null, false);
        }

        public static Transformation transformation(String description) {
            return new Transformation(Type.DIRECT, Subtype.TRANSFORMATION, description, false);
        }

        public static Transformation aggregation(String description) {
            return new Transformation(Type.DIRECT, Subtype.AGGREGATION, description, false);
        }

        public static Transformation indirect(Subtype subtype, String description) {
            return new Transformation(Type.INDIRECT, subtype, description, false);
        }
    }
}
