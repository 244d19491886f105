package io.tributary.catalog.lineage;

/**
 * An OpenLineage facet: a piece of metadata attached to a run, a job or a dataset. Every facet, standard or custom,
 * carries {@code _producer} (who wrote it) and {@code _schemaURL} (the JSON Schema it conforms to).
 */
public interface Facet {

    String producer();

    String schemaURL();
}
