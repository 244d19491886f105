package io.tributary.catalog.lineage;

/** A facet of a job (keyed in {@code job.facets}). */
public interface JobFacet extends Facet {
}
