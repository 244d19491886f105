package io.tributary.serving.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.serving.export")
public interface ExportConfig {

    /** How many curated rows a page holds when the request gives no limit. */
    @WithDefault("1000")
    int defaultLimit();

    /** The most curated rows one page may hold; a larger limit is refused with a 400. */
    @WithDefault("100000")
    int maxLimit();
}
