package io.tributary.requirements.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.ApiKey;
import io.tributary.catalog.security.ApiKeyStore;

/** Producers' API keys: issued for some sources and a time, listed without their secrets, revoked. */
@ApplicationScoped
public class ApiKeyService {

    private static final int MAX_NAME = 200;

    private final ApiKeyStore keys;
    private final AccessConfig config;

    public ApiKeyService(ApiKeyStore keys, AccessConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /**
     * @param expiresAt when the key stops working; null for the configured default lifetime
     */
    public ApiKeyStore.Issued issue(String name, List<String> sources, Instant expiresAt, String by) {
        Instant now = Instant.now();
        Instant expiry = expiresAt == null ? now.plus(config.keyLifetime()) : expiresAt;
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            problems.add("$.name: what the key is for, 1 to " + MAX_NAME + " characters");
        }
        if (sources == null || sources.isEmpty()) {
            problems.add("$.sources: at least one source the key may push to");
        } else {
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i) == null || sources.get(i).isBlank()) {
                    problems.add("$.sources[" + i + "]: a source name");
                }
            }
        }
        if (!expiry.isAfter(now)) {
            problems.add("$.expiresAt: must be in the future");
        } else if (expiry.isAfter(now.plus(config.maxKeyLifetime()))) {
            problems.add("$.expiresAt: at most " + config.maxKeyLifetime().toDays() + " days from now");
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the key cannot be issued", problems);
        }
        return keys.issue(name.strip(), List.copyOf(new LinkedHashSet<>(sources)), expiry, by);
    }

    public List<ApiKey> list() {
        return keys.list();
    }

    public ApiKey get(String id) {
        return keys.find(id).orElseThrow(() -> unknown(id));
    }

    public ApiKey revoke(String id, String by) {
        return keys.revoke(id, by).orElseThrow(() -> unknown(id));
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(Response.Status.NOT_FOUND, "no API key has the id '" + id + "'");
    }
}
