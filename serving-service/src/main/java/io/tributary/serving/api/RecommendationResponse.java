package io.tributary.serving.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Products recommended for a customer, or similar to a product, best first.
 *
 * @param customer the customer asked about; absent for similar products
 * @param product the product asked about; absent for a customer's recommendations
 * @param currentAsOf the newest input the features reflect; null when the pipeline never wrote data
 */
public record RecommendationResponse(
        String pipeline,
        @JsonInclude(JsonInclude.Include.NON_NULL) String customer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String product,
        Instant currentAsOf,
        List<Item> recommendations) {

    /**
     * One product.
     *
     * @param score higher first: weighted co-purchases, or a best seller's orders
     * @param basis {@code co-purchases} or {@code best seller}
     * @param reason why it is recommended, such as "bought together with X in 4 orders"
     */
    public record Item(String product, long score, String basis, String reason) {
    }
}
