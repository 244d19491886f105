package io.tributary.serving.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What one customer bought, most ordered first: the recommender's purchase history.
 *
 * @param currentAsOf the newest input the features reflect; null when the pipeline never wrote data
 * @param lastEvent the event time of the customer's latest order line of the product (a date or an instant)
 */
public record PurchaseHistoryResponse(String pipeline, String customer, Instant currentAsOf,
        List<Purchase> purchases) {

    public record Purchase(String product, long orders, BigDecimal quantity, String lastEvent) {
    }
}
