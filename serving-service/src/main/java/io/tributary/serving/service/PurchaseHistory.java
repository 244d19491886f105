package io.tributary.serving.service;

import java.util.List;

import io.tributary.serving.repository.PurchaseRow;

/** What one customer bought, most ordered first: the recommender's purchase history. */
public record PurchaseHistory(String pipeline, String customer, List<PurchaseRow> purchases) {
}
