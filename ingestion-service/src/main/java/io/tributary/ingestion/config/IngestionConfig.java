package io.tributary.ingestion.config;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.ingestion")
public interface IngestionConfig {

    /** Folder of the landing archive: every file is stored here before it is acknowledged. */
    Path landingDir();

    /** How many batches are processed at the same time. */
    @WithDefault("2")
    int workers();

    /** How many records may wait for Kafka's acknowledgement before the reader pauses. */
    @WithDefault("2000")
    int publishWindow();

    /** How many quarantined records are written to the catalog in one transaction. */
    @WithDefault("500")
    int quarantineChunk();
}
