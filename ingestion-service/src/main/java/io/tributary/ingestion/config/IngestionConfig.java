package io.tributary.ingestion.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.ingestion")
public interface IngestionConfig {

    /** Folder of the landing archive: every file is stored here before it is acknowledged. */
    Path landingDir();

    /**
     * The folder under which every source's drop folder is: a source names its folder relative to it, and a folder
     * outside it (an absolute path, {@code ..}, a symbolic link out) is refused.
     */
    Path dropRoot();

    /**
     * The Kafka topics sources may read, as regular expressions a whole topic name must match. Tributary's own topics
     * ({@code tributary-*}) are never allowed, whatever this says.
     */
    @WithDefault("[A-Za-z0-9][A-Za-z0-9._-]*")
    List<String> sourceTopics();

    /** How many batches are processed at the same time. */
    @WithDefault("2")
    int workers();

    /** How long a batch waits before it is tried again when Kafka did not take its records. */
    @WithDefault("15s")
    Duration retryDelay();

    /** How often the sources' drop folders are looked at. */
    @WithDefault("2s")
    Duration folderScanInterval();

    /** How long a dropped file must keep its size and time before it is taken (it may still be being written). */
    @WithDefault("2s")
    Duration folderQuietPeriod();

    /** How many quarantined records are written to the catalog in one transaction. */
    @WithDefault("500")
    int quarantineChunk();

    /** How the accepted records' producer waits for Kafka; when Kafka is down a batch waits once these run out. */
    Producer producer();

    interface Producer {

        /** How long a send may wait for Kafka's metadata or for buffer space before the record fails. */
        @WithDefault("60s")
        Duration maxBlock();

        /** How long Kafka has to acknowledge a record, retries included, before the record fails. */
        @WithDefault("120s")
        Duration deliveryTimeout();

        /** How long the producer waits for Kafka to answer one request before it tries again. */
        @WithDefault("30s")
        Duration requestTimeout();

        /**
         * The compression of the batches sent ({@code none}, {@code lz4}, {@code zstd}, {@code snappy}, {@code gzip}).
         * None by default: with the broker on the same machine or network, compressing costs the ingestion service
         * (and the broker and consumers, which decompress) more CPU than the bytes save.
         */
        @WithDefault("none")
        String compression();
    }
}
