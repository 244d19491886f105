package io.tributary.serving.export;

import java.util.List;

import io.tributary.catalog.masking.PersonalColumns;

/**
 * A checked request for one page of a pipeline's curated rows: those whose key lies in {@code (after, through]}, in
 * key order.
 *
 * @param columns the pipeline's output columns, in table order
 * @param after the key the page starts after, or null for the first page
 * @param through the key of the page's last row when more rows follow it, or null when the page runs to the end
 * @param limit how many rows the page was cut at
 * @param hidden the columns whose values are masked for the caller
 */
public record DatasetPage(String pipeline, List<DatasetColumn> columns, String after, String through, int limit,
        PersonalColumns hidden) {

    /** The cursor of the next page, or null when this page is the last. */
    public String next() {
        return through == null ? null : RowCursor.after(through);
    }
}
