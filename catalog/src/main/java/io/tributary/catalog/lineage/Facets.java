package io.tributary.catalog.lineage;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Makes facets stamped with one producer and each facet's schema URL. */
public final class Facets {

    private final String producer;

    /** @param producer an absolute URI naming the software that writes the facets */
    public Facets(String producer) {
        this.producer = requireAbsoluteUri(producer, "producer");
    }

    public String producer() {
        return producer;
    }

    public SchemaDatasetFacet schema(List<SchemaDatasetFacet.Field> fields) {
        return new SchemaDatasetFacet(producer, SchemaDatasetFacet.SCHEMA_URL, fields);
    }

    /** A schema of field names whose types are not known, such as a CSV file's header. */
    public SchemaDatasetFacet schemaOfNames(List<String> names) {
        return schema(names.stream().map(SchemaDatasetFacet.Field::named).toList());
    }

    /** @param size bytes written, or null when not known */
    public OutputStatisticsOutputDatasetFacet outputStatistics(long rowCount, Long size) {
        return new OutputStatisticsOutputDatasetFacet(producer, OutputStatisticsOutputDatasetFacet.SCHEMA_URL, rowCount,
                size);
    }

    /** Column lineage of an output dataset, field by field, with nothing that affects the whole dataset. */
    public ColumnLineageDatasetFacet columnLineage(Map<String, ColumnLineageDatasetFacet.Fields> fields) {
        return columnLineage(fields, List.of());
    }

    /**
     * @param fields output field name to the input fields it is computed from
     * @param dataset input fields that affect every row (filters, joins, grouping); may be empty
     */
    public ColumnLineageDatasetFacet columnLineage(Map<String, ColumnLineageDatasetFacet.Fields> fields,
            List<ColumnLineageDatasetFacet.InputField> dataset) {
        return new ColumnLineageDatasetFacet(producer, ColumnLineageDatasetFacet.SCHEMA_URL, fields, dataset);
    }

    /** The run, of another job, that a run belongs to. */
    public ParentRunFacet parent(UUID runId, String jobNamespace, String jobName) {
        return new ParentRunFacet(producer, ParentRunFacet.SCHEMA_URL, new ParentRunFacet.RunRef(runId),
                new ParentRunFacet.JobRef(jobNamespace, jobName));
    }

    /** @param stackTrace or null */
    public ErrorMessageRunFacet errorMessage(String message, String stackTrace) {
        return new ErrorMessageRunFacet(producer, ErrorMessageRunFacet.SCHEMA_URL,
                message == null || message.isBlank() ? "unknown error" : message, "JAVA", stackTrace);
    }

    public JobTypeJobFacet jobType(String processingType, String jobType) {
        return new JobTypeJobFacet(producer, JobTypeJobFacet.SCHEMA_URL, processingType, OpenLineage.INTEGRATION,
                jobType);
    }

    public RecordCountsRunFacet recordCounts(long received, long accepted, long quarantined, long duplicates) {
        return new RecordCountsRunFacet(producer, RecordCountsRunFacet.SCHEMA_URL, received, accepted, quarantined,
                duplicates);
    }

    static String requireAbsoluteUri(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        try {
            if (URI.create(value).isAbsolute()) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be an absolute URI: " + value);
    }
}
