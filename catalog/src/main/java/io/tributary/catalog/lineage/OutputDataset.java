package io.tributary.catalog.lineage;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A dataset a run writes, with facets of the dataset and facets of this writing (such as output statistics). */
@JsonPropertyOrder({"namespace", "name", "facets", "outputFacets"})
public record OutputDataset(
        String namespace,
        String name,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, DatasetFacet> facets,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, OutputDatasetFacet> outputFacets) implements Dataset {

    public OutputDataset {
        Maps.requireText(namespace, "dataset namespace");
        Maps.requireText(name, "dataset name");
        facets = Maps.ordered(facets);
        outputFacets = Maps.ordered(outputFacets);
    }

    public static OutputDataset of(String namespace, String name) {
        return new OutputDataset(namespace, name, Map.of(), Map.of());
    }

    public OutputDataset withFacet(String key, DatasetFacet facet) {
        return new OutputDataset(namespace, name, Maps.with(facets, key, facet), outputFacets);
    }

    public OutputDataset withOutputFacet(String key, OutputDatasetFacet facet) {
        return new OutputDataset(namespace, name, facets, Maps.with(outputFacets, key, facet));
    }
}
