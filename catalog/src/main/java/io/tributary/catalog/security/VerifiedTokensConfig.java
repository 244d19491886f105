package io.tributary.catalog.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Verified tokens kept for their lifetime by every service (decision 0055). */
@ConfigMapping(prefix = "tributary.security.verified-tokens")
public interface VerifiedTokensConfig {

    /** Whether verified tokens are kept; false verifies the signature of every request's token. */
    @WithDefault("true")
    boolean enabled();

    /** Most tokens kept at once; a token that finds no room is verified on every request. */
    @WithDefault("10000")
    int maxEntries();
}
