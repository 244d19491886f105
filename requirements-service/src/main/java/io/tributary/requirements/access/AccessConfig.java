package io.tributary.requirements.access;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tributary.access")
public interface AccessConfig {

    /** How long a token is accepted after it is issued; a client signs in again after that. */
    @WithDefault("1h")
    Duration tokenLifetime();

    /**
     * The password of the {@code admin} account created on the first start, when no account of that name exists yet;
     * never applied to an existing account. The local runtime generates one; a deployment takes it from a secret.
     */
    Optional<String> bootstrapAdminPassword();

    /** How long an API key is valid when its request names no expiry. */
    @WithDefault("90d")
    Duration keyLifetime();

    /** The longest validity an API key may be given. */
    @WithDefault("366d")
    Duration maxKeyLifetime();
}
