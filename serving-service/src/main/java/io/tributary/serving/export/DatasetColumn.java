package io.tributary.serving.export;

/**
 * An output column of a pipeline's curated table.
 *
 * @param type PostgreSQL's name of its type, as {@code information_schema.columns.data_type} gives it
 */
public record DatasetColumn(String name, String type) {

    /** Whether its values are dates or times, written as ISO-8601 text. */
    public boolean temporal() {
        return type.equals("date") || type.startsWith("timestamp");
    }
}
