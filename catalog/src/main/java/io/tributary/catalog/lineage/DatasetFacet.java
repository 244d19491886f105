package io.tributary.catalog.lineage;

/** A facet of a dataset, input or output (keyed in {@code facets}). */
public interface DatasetFacet extends Facet {
}
