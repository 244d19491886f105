package io.tributary.serving.recommend;

import java.time.Instant;
import java.util.List;

/**
 * Products recommended for a customer, or similar to a product, best first.
 *
 * @param subject the customer or the product asked about
 * @param currentAsOf the pipeline's watermark, or null when it never wrote data
 */
public record Recommendations(String pipeline, String subject, Instant currentAsOf,
        List<Recommender.Recommendation> products) {
}
