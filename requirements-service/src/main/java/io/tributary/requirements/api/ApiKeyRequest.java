package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

/**
 * A key to issue.
 *
 * @param name what the key is for, such as "webshop nightly export"
 * @param sources the sources it may push events or files to, and no other
 * @param expiresAt when it stops working; absent for the configured default (90 days)
 */
public record ApiKeyRequest(String name, List<String> sources, Instant expiresAt) {
}
