package io.tributary.catalog.lineage;

/** A facet of an output dataset in one run (keyed in {@code outputFacets}). */
public interface OutputDatasetFacet extends Facet {
}
