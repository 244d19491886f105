package io.tributary.serving.service;

import java.time.Instant;
import java.util.List;

import io.tributary.serving.repository.PurchaseRow;

/**
 * What one customer bought, most ordered first: the recommender's purchase history.
 *
 * @param currentAsOf the pipeline's watermark, or null when it never wrote data
 */
public record PurchaseHistory(String pipeline, String customer, Instant currentAsOf, List<PurchaseRow> purchases) {
}
