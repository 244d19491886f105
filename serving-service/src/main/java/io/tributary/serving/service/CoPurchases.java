package io.tributary.serving.service;

import java.time.Instant;
import java.util.List;

import io.tributary.serving.repository.CoPurchaseRow;

/**
 * The products most often in the same order as one product.
 *
 * @param currentAsOf the pipeline's watermark, or null when it never wrote data
 */
public record CoPurchases(String pipeline, String product, Instant currentAsOf, List<CoPurchaseRow> boughtWith) {
}
