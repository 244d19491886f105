package io.tributary.serving.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.serving.metrics")
public interface MetricsConfig {

    /** The most rows one answer may have; a query that would give more is refused with a 400 asking to narrow it. */
    @WithDefault("100000")
    int maxRows();
}
