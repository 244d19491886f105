package io.tributary.ingestion.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** What one request or one file may hold; past each limit the answer is a 4xx, or a quarantine entry, naming it. */
    Limits limits();

    /** How the accepted records' producer waits for Kafka; when Kafka is down a batch waits once these run out. */
    Producer producer();

    /** How a dataset's topic of accepted records is created, the first time one of its records is sent. */
    Topics topics();

    interface Topics {

        /**
         * The partitions of a new dataset topic: they bound how many transform instances share the dataset's records.
         * The broker's {@code num.partitions} when unset.
         */
        Optional<Integer> partitions();

        /** The replicas of each partition of a new dataset topic; the broker's {@code default.replication.factor} when unset. */
        Optional<Short> replicas();
    }

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

    /** The limits of {@link #limits()}; the names in answers are these keys, under {@code tributary.ingestion.limits}. */
    interface Limits {

        /** The largest file one upload may send, in bytes; a larger one is answered 413 and nothing of it is kept. */
        @WithDefault("2G")
        MemorySize fileSize();

        /** The largest body one push of events may send, in bytes; far smaller than a file, 413 past it. */
        @WithDefault("8M")
        MemorySize eventSize();

        /** The most bytes gzip content may decompress into; past it the rest of the file is one quarantine entry. */
        @WithDefault("8G")
        MemorySize gzipSize();

        /**
         * The most bytes gzip content may decompress into per compressed byte, past its first mebibyte; a bomb (a few
         * kilobytes that decompress into gigabytes) is stopped at once.
         */
        @WithDefault("200")
        int gzipRatio();

        /** The most characters one field of a delimited file may hold; a longer one quarantines its row. */
        @WithDefault("2097152")
        int fieldSize();

        /**
         * The most characters one record may hold (a delimited row, a JSON element, an NDJSON line); a longer one is
         * not held in memory and ends the file with a quarantine entry (an NDJSON line alone is quarantined).
         */
        @WithDefault("33554432")
        int recordSize();

        /** The most fields one record may have (a delimited file's header, a flattened JSON object). */
        @WithDefault("1000")
        int columns();

        /** The deepest JSON objects and arrays may nest. */
        @WithDefault("256")
        int jsonDepth();

        /** The most records one JSON object may explode into (the items of its exploded array). */
        @WithDefault("10000")
        int explodeRecords();

        /** How many pushes of events one source may have in progress at once; one more is answered 429. */
        @WithDefault("4")
        int concurrentPushes();
    }
}
