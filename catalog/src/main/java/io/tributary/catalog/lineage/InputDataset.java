package io.tributary.catalog.lineage;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A dataset a run reads, with facets of the dataset and facets of this reading. */
@JsonPropertyOrder({"namespace", "name", "facets", "inputFacets"})
public record InputDataset(
        String namespace,
        String name,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, DatasetFacet> facets,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, InputDatasetFacet> inputFacets) implements Dataset {

    public InputDataset {
        Maps.requireText(namespace, "dataset namespace");
        Maps.requireText(name, "dataset name");
        facets = Maps.ordered(facets);
        inputFacets = Maps.ordered(inputFacets);
    }

    public static InputDataset of(String namespace, String name) {
        return new InputDataset(namespace, name, Map.of(), Map.of());
    }

    public InputDataset withFacet(String key, DatasetFacet facet) {
        return new InputDataset(namespace, name, Maps.with(facets, key, facet), inputFacets);
    }

    public InputDataset withInputFacet(String key, InputDatasetFacet facet) {
        return new InputDataset(namespace, name, facets, Maps.with(inputFacets, key, facet));
    }
}
