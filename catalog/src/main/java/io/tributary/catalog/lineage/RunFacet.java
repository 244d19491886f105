package io.tributary.catalog.lineage;

/** A facet of a run (keyed in {@code run.facets}). */
public interface RunFacet extends Facet {
}
