package io.tributary.serving.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.serving.recommendations")
public interface RecommendationsConfig {

    /** The aggregate dimension that holds a customer's region, whose best sellers a customer without history gets. */
    @WithDefault("region")
    String regionDimension();
}
