package io.tributary.requirements.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.requirements")
public interface RequirementsConfig {

    /** Where and how alerts are POSTed to stakeholders. */
    Webhooks webhooks();

    /** The live evaluation of objectives. */
    Slo slo();

    /** The serving service, whose queries availability objectives probe. */
    Serving serving();

    interface Webhooks {

        /** Hosts webhooks may point at ({@code *.example.com} for a domain, {@code *} for any). */
        @WithDefault("localhost,127.0.0.1")
        List<String> allowedHosts();

        /** How many times a delivery is tried before it is given up. */
        @WithDefault("8")
        int attempts();

        /** The wait before the first retry; each next one waits twice as long. */
        @WithDefault("1s")
        Duration firstRetry();

        /** How long one POST may take. */
        @WithDefault("5s")
        Duration timeout();

        /** How often due deliveries are looked for. */
        @WithDefault("1s")
        Duration interval();
    }

    interface Slo {

        /** How often every objective is evaluated (1s at least). */
        @WithDefault("10s")
        Duration interval();

        /** How long each evaluation is kept; time slices are kept for their SLO's window. */
        @WithDefault("7d")
        Duration evaluationRetention();

        /** Whether this instance evaluates at all (tests that drive evaluation themselves turn it off). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Serving {

        /** The serving service's base URL. */
        @WithDefault("http://127.0.0.1:8083")
        String url();

        /** How long a probe may wait for its answer. */
        @WithDefault("10s")
        Duration probeTimeout();
    }
}
