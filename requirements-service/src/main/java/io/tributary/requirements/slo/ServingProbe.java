package io.tributary.requirements.slo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tributary.catalog.security.Roles;
import io.tributary.requirements.access.TokenIssuer;
import io.tributary.requirements.config.RequirementsConfig;

/**
 * Calls serving queries as a dashboard would, all at once, and says for each whether and how fast it answered. It
 * calls as an analyst would, with a token of its own that holds that role alone, renewed at half its lifetime.
 */
@ApplicationScoped
public class ServingProbe {

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final TokenIssuer tokens;
    private final String service;
    private TokenIssuer.Token token;

    public ServingProbe(RequirementsConfig config, TokenIssuer tokens,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.baseUrl = config.serving().url().replaceAll("/+$", "");
        this.timeout = config.serving().probeTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.tokens = tokens;
        this.service = service;
    }

    /** One probe per path, by path; returns once every probe answered or timed out. */
    public Map<String, Facts.Probe> probe(Collection<String> paths) {
        Map<String, CompletableFuture<Facts.Probe>> pending = new HashMap<>();
        for (String path : paths) {
            pending.computeIfAbsent(path, this::send);
        }
        Map<String, Facts.Probe> probes = new HashMap<>();
        pending.forEach((path, future) -> probes.put(path, future.join()));
        return probes;
    }

    private CompletableFuture<Facts.Probe> send(String path) {
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token()).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Facts.Probe(false, 0, "not a URL: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (error != null) {
                        return new Facts.Probe(false, Math.max(millis, timeout.toMillis()), error.toString());
                    }
                    boolean ok = response.statusCode() / 100 == 2;
                    return new Facts.Probe(ok, millis, ok ? null : "HTTP " + response.statusCode());
                });
    }

    /** A valid token, signed again once half its lifetime has passed. */
    private synchronized String token() {
        Instant now = Instant.now();
        if (token == null || now.isAfter(token.issuedAt().plus(
                Duration.between(token.issuedAt(), token.expiresAt()).dividedBy(2)))) {
            token = tokens.issueForService(service, Set.of(Roles.ANALYST));
        }
        return token.value();
    }
}
