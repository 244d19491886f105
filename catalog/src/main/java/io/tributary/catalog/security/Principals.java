package io.tributary.catalog.security;

import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;

/** What the services read of a request's identity beyond its name and roles. */
public final class Principals {

    /** The attribute holding the sources an API key may push to. */
    static final String SOURCES = "tributary.sources";
    /** The attribute holding an API key's name. */
    static final String KEY_NAME = "tributary.key-name";
    /** The name of a request that presented no credentials. */
    public static final String ANONYMOUS = "anonymous";

    private Principals() {
    }

    /** The caller's name: a user's name, {@code key:<id>} for an API key, or {@value #ANONYMOUS}. */
    public static String name(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }

    /** Whether the caller presented an API key. */
    public static boolean isApiKey(SecurityIdentity identity) {
        return identity != null && identity.getAttribute(SOURCES) != null;
    }

    /** The sources an API key may push to; empty for anyone else. */
    public static Set<String> sources(SecurityIdentity identity) {
        Set<String> sources = identity == null ? null : identity.getAttribute(SOURCES);
        return sources == null ? Set.of() : sources;
    }
}
