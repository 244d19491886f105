package io.tributary.catalog.lineage;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.ColumnLineageDatasetFacet;
import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.InputField;
import io.openlineage.client.OpenLineage.InputFieldTransformations;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.SchemaDatasetFacet;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;

/**
 * Makes OpenLineage run events and facets with the standard's own Java client model, stamped with one producer, in
 * Tributary's ways: facets that would be empty are left out, a transformation is never masking, and the jobs' {@code
 * jobType} names the {@code TRIBUTARY} integration (decision 0018).
 */
public final class LineageEvents {

    /** The {@code integration} of Tributary's jobs in their {@code jobType} facet. */
    public static final String INTEGRATION = "TRIBUTARY";
    public static final String BATCH = "BATCH";
    public static final String STREAMING = "STREAMING";

    /** INDIRECT subtypes: the input is a join key; the input groups the rows. */
    public static final String JOIN = "JOIN";
    public static final String GROUP_BY = "GROUP_BY";

    private final URI producer;
    private final OpenLineage model;

    /** @param producer an absolute URI naming the software that writes the events */
    public LineageEvents(String producer) {
        this.producer = absolute(producer);
        this.model = new OpenLineage(this.producer);
    }

    /** The client's model stamped with this producer, for what these methods do not make. */
    public OpenLineage model() {
        return model;
    }

    public URI producer() {
        return producer;
    }

    /** An event of a run of one of Tributary's jobs. */
    public RunEventBuilder event(RunEvent.EventType type, java.time.Instant at, UUID run) {
        return new RunEventBuilder(model, type, at, run);
    }

    /** A dataset read, with its schema when known (null or empty: none). */
    public InputDataset input(String namespace, String name, SchemaDatasetFacet schema) {
        return model.newInputDatasetBuilder().namespace(text(namespace, "dataset namespace"))
                .name(text(name, "dataset name"))
                .facets(schema == null ? null : model.newDatasetFacetsBuilder().schema(schema).build())
                .build();
    }

    public InputDataset input(String namespace, String name) {
        return input(namespace, name, null);
    }

    /**
     * A dataset written.
     *
     * @param schema its fields, or null
     * @param lineage where each field comes from, or null
     * @param rows rows this run wrote to it ({@code outputStatistics}), or null when not known
     */
    public OutputDataset output(String namespace, String name, SchemaDatasetFacet schema,
            ColumnLineageDatasetFacet lineage, Long rows) {
        return model.newOutputDatasetBuilder().namespace(text(namespace, "dataset namespace"))
                .name(text(name, "dataset name"))
                .facets(schema == null && lineage == null
                        ? null
                        : model.newDatasetFacetsBuilder().schema(schema).columnLineage(lineage).build())
                .outputFacets(rows == null
                        ? null
                        : model.newOutputDatasetOutputFacetsBuilder()
                                .outputStatistics(model.newOutputStatisticsOutputDatasetFacetBuilder().rowCount(rows)
                                        .build())
                                .build())
                .build();
    }

    public OutputDataset output(String namespace, String name) {
        return output(namespace, name, null, null, null);
    }

    /** The standard {@code schema} facet; null for no fields, so that no empty facet is written. */
    public SchemaDatasetFacet schema(List<SchemaDatasetFacetFields> fields) {
        return fields.isEmpty() ? null : model.newSchemaDatasetFacet(List.copyOf(fields));
    }

    /** A schema of field names whose types are not known, such as a CSV file's header. */
    public SchemaDatasetFacet schemaOfNames(List<String> names) {
        return schema(names.stream().map(name -> field(name, null)).toList());
    }

    /** A field of a schema facet; {@code type} null when not known. */
    public static SchemaDatasetFacetFields field(String name, String type) {
        return new OpenLineage.SchemaDatasetFacetFieldsBuilder().name(text(name, "schema field")).type(type).build();
    }

    /**
     * The standard {@code columnLineage} facet.
     *
     * @param fields output field to the input fields it is computed from, in the order given
     * @param dataset input fields that affect every row (filters, joins, grouping); left out when empty
     */
    public ColumnLineageDatasetFacet columnLineage(Map<String, List<InputField>> fields, List<InputField> dataset) {
        OpenLineage.ColumnLineageDatasetFacetFieldsBuilder byField = model.newColumnLineageDatasetFacetFieldsBuilder();
        fields.forEach((field, inputs) -> byField.put(text(field, "output field"),
                model.newColumnLineageDatasetFacetFieldsAdditionalBuilder().inputFields(List.copyOf(inputs)).build()));
        return model.newColumnLineageDatasetFacetBuilder().fields(byField.build())
                .dataset(dataset.isEmpty() ? null : List.copyOf(dataset))
                .build();
    }

    /** A field of an input dataset, and what is done to it on the way. */
    public InputField inputField(String namespace, String name, String field, InputFieldTransformations how) {
        return model.newInputField(text(namespace, "input dataset namespace"), text(name, "input dataset name"),
                text(field, "input field"), List.of(how));
    }

    /** DIRECT IDENTITY: the value as it was, perhaps under another name. */
    public InputFieldTransformations identity() {
        return model.newInputFieldTransformations("DIRECT", "IDENTITY", null, false);
    }

    /** DIRECT TRANSFORMATION: computed from the input, such as a cast or an expression (null: says nothing more). */
    public InputFieldTransformations transformation(String description) {
        return model.newInputFieldTransformations("DIRECT", "TRANSFORMATION", description, false);
    }

    /** DIRECT AGGREGATION: computed from several rows' inputs, such as a sum. */
    public InputFieldTransformations aggregation(String description) {
        return model.newInputFieldTransformations("DIRECT", "AGGREGATION", description, false);
    }

    /** INDIRECT: the input decides which rows there are or where they go ({@link #JOIN}, {@link #GROUP_BY}...). */
    public InputFieldTransformations indirect(String subtype, String description) {
        return model.newInputFieldTransformations("INDIRECT", subtype, description, false);
    }

    /** Tributary's custom facet of what became of the records a run read. */
    public RecordCountsRunFacet recordCounts(long received, long accepted, long quarantined, long duplicates) {
        return new RecordCountsRunFacet(producer, received, accepted, quarantined, duplicates);
    }

    static URI absolute(String value) {
        if (value != null) {
            try {
                URI uri = URI.create(value);
                if (uri.isAbsolute()) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("producer must be an absolute URI: " + value);
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
