package io.tributary.catalog.lineage;

/** A facet of an input dataset in one run (keyed in {@code inputFacets}). */
public interface InputDatasetFacet extends Facet {
}
