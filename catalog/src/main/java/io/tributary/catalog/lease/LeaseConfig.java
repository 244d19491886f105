package io.tributary.catalog.lease;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How instances of a service share work through leases in the catalog (decision 33). */
@ConfigMapping(prefix = "tributary.lease")
public interface LeaseConfig {

    /** How long a lease lasts unless renewed: how soon the work of an instance that died is taken over. */
    @WithDefault("30s")
    Duration ttl();

    /** How often an instance renews the leases it holds and looks for work whose lease lapsed. */
    @WithDefault("10s")
    Duration renewInterval();

    /**
     * This instance's name among the replicas of its service (a pod's name), kept across its restarts; each start
     * frees what a previous process of the same name held, which is dead. Without it an instance is named by host and
     * process id, and its leases lapse after {@link #ttl()}.
     */
    Optional<String> instance();
}
