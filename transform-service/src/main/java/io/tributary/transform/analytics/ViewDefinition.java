package io.tributary.transform.analytics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.masking.Masking;
import io.tributary.catalog.masking.PersonalColumns;
import io.tributary.transform.curated.Sql;
import io.tributary.transform.pipeline.PipelineDefinition;

/**
 * What the analysts' view of a curated table selects (decision 0050): every column of the table, in its order, those
 * the serving service masks for an analyst masked the same way ({@code ***}, null stays null).
 */
public final class ViewDefinition {

    /**
     * Tributary's columns of a curated table that keep the record as it came, or something computed from all of it:
     * its text, its key, the hash of its values, and the lookups it waits for. Personal when the record is.
     */
    public static final Set<String> RECORD_COLUMNS = Set.of("_key", "_hash", "_pending", "_input");

    private ViewDefinition() {
    }

    /**
     * The table's columns an analyst may not see.
     *
     * @param pipeline the pipeline that owns the table
     * @param table the table's name in the curated schema
     * @param columns the table's columns
     * @param personal the pipeline's personal columns, as the serving service masks them; null when not known, which
     *        masks everything
     * @param recordsPersonal whether the pipeline's records hold personal data (its contract classifies a field so)
     * @param definition the pipeline's current definition; null when it cannot be read, which masks everything of the
     *        tables derived from the curated rows
     */
    public static Set<String> masked(String pipeline, String table, List<String> columns, PersonalColumns personal,
            boolean recordsPersonal, PipelineDefinition definition) {
        if (personal == null) {
            return new LinkedHashSet<>(columns);
        }
        if (table.equals(CuratedTables.curated(pipeline))) {
            return columns.stream().filter(column -> RECORD_COLUMNS.contains(column)
                    ? recordsPersonal || !personal.isEmpty()
                    : !column.startsWith("_") && personal.contains(column))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        if (definition == null) {
            return new LinkedHashSet<>(columns);
        }
        if (table.equals(CuratedTables.aggregate(pipeline)) && definition.aggregate() != null) {
            // the dimensions' values; the sums are not masked, as the metrics answer them
            List<String> dimensions = definition.aggregate().dimensions();
            return columns.stream().filter(column -> dimensions.contains(column) && personal.contains(column))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        PipelineDefinition.Features features = definition.features();
        if (features != null && table.equals(CuratedTables.customerProducts(pipeline))) {
            return columns.stream().filter(column -> column.equals("customer") && personal.contains(features.customer())
                    || column.equals("product") && personal.contains(features.product()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        if (features != null && table.equals(CuratedTables.coPurchases(pipeline))) {
            return columns.stream().filter(column -> (column.equals("product") || column.equals("other_product"))
                    && personal.contains(features.product())).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return new LinkedHashSet<>(columns);
    }

    /** The view's query: each column of the curated table as it is, or masked. */
    public static String select(String table, List<String> columns, Set<String> masked) {
        return "select " + columns.stream()
                .map(column -> masked.contains(column)
                        ? "case when " + Sql.quote(column) + " is null then null else '" + Masking.MASK + "' end as "
                                + Sql.quote(column)
                        : Sql.quote(column))
                .collect(Collectors.joining(", ")) + " from " + Sql.table(table);
    }
}
