package io.tributary.catalog.lineage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Facet maps keep the order facets were added in and cannot change afterwards. */
final class Maps {

    private Maps() {
    }

    static <F extends Facet> Map<String, F> ordered(Map<String, F> facets) {
        if (facets == null || facets.isEmpty()) {
            return Map.of();
        }
        facets.forEach((key, facet) -> {
            requireText(key, "facet key");
            Objects.requireNonNull(facet, "facet " + key);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    }

    static <F extends Facet> Map<String, F> with(Map<String, F> facets, String key, F facet) {
        Map<String, F> copy = new LinkedHashMap<>(facets);
        copy.put(key, facet);
        return ordered(copy);
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
