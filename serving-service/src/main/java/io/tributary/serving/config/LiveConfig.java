package io.tributary.serving.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.serving.live")
public interface LiveConfig {

    /** How long the listener for aggregate changes waits before connecting to PostgreSQL again after losing it. */
    @WithDefault("1s")
    Duration reconnectDelay();
}
