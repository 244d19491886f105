package io.tributary.serving.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.serving.dashboard")
public interface DashboardConfig {

    /** Where ingestion answers, for the links to a batch's quarantine (TRIBUTARY_INGESTION_URL). */
    String ingestionUrl();

    /** How many of each source's latest batches the data-quality panel shows. */
    @WithDefault("5")
    int latestBatches();
}
