package io.tributary.transform.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When and how a pipeline's backlog is built beside its tables and swapped in (decision 0061). */
@ConfigMapping(prefix = "tributary.transform.backlog")
public interface BacklogConfig {

    /**
     * The fewest records a first version's topic must hold for them to be built set-based rather than applied one by
     * one: the smallest backlog measured at which the build was faster (5,000 records: 6.4 s against 7.0 s from the
     * declaration until serving counted every row, {@code benchmarks/README.md}).
     */
    @WithDefault("5000")
    long minRecords();

    /**
     * The fewest records that must wait for a running pipeline (a large file uploaded to it) for its tables to be built
     * again from its topic rather than the records applied one by one; they must also be at least as many as the
     * records it applied, which the build reads again (decision 0062).
     */
    @WithDefault("20000")
    long runningMinRecords();

    /** How long the build's one transaction may take before it is rolled back and the records applied one by one. */
    @WithDefault("1h")
    Duration timeout();
}
