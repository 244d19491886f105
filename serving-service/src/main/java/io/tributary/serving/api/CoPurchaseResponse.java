package io.tributary.serving.api;

import java.util.List;

/** The products most often in the same order as one product, with how many orders held both. */
public record CoPurchaseResponse(String pipeline, String product, List<Pair> boughtWith) {

    public record Pair(String product, long orders) {
    }
}
