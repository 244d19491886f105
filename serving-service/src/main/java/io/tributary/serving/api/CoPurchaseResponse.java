package io.tributary.serving.api;

import java.time.Instant;
import java.util.List;

/**
 * The products most often in the same order as one product, with how many orders held both.
 *
 * @param currentAsOf the newest input the features reflect; null when the pipeline never wrote data
 */
public record CoPurchaseResponse(String pipeline, String product, Instant currentAsOf, List<Pair> boughtWith) {

    public record Pair(String product, long orders) {
    }
}
