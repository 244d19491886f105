package io.tributary.serving.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.serving.recommendations")
public interface RecommendationsConfig {

    /** The aggregate dimension that holds a customer's region, whose best sellers a customer without history gets. */
    @WithDefault("region")
    String regionDimension();

    /**
     * Whether co-purchases add to a product's orders over all customers, rather than rank ahead of every best seller
     * (the default; decision 0041).
     */
    @WithDefault("false")
    boolean blend();

    /** The fewest orders that must hold a pair of products for the pair to count as bought together. */
    @WithDefault("2")
    int minCoPurchases();
}
