package io.tributary.generator;

import java.util.List;

record SubCategory(String category, String name, int shareWeight, long minCents, long maxCents,
        List<String> nouns, List<String> attributes, List<String> variants) {

    String code() {
        return category.substring(0, 3).toUpperCase() + "-" + name.substring(0, 2).toUpperCase();
    }
}
