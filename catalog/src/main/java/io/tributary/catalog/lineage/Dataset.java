package io.tributary.catalog.lineage;

import java.util.Map;

/** A dataset a run reads or writes, unique by namespace (its data source) and name. */
public sealed interface Dataset permits InputDataset, OutputDataset {

    String namespace();

    String name();

    Map<String, DatasetFacet> facets();
}
