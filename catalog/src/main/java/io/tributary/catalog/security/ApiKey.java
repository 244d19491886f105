package io.tributary.catalog.security;

import java.time.Instant;
import java.util.List;

/**
 * A producer's API key as the catalog keeps it: never its secret, only the secret's hash.
 *
 * @param id the public part of the key, also in the key itself ({@code trb_<id>_<secret>})
 * @param name what the key is for, such as "webshop export job"
 * @param sources the sources the key may push events or files to, and no other
 * @param createdBy who issued it
 * @param createdAt when
 * @param expiresAt from when it is refused
 * @param revokedAt when it was revoked, null while it is not
 * @param revokedBy who revoked it, null while it is not
 * @param lastUsedAt when it was last accepted (to the minute), null if never
 */
public record ApiKey(String id, String name, List<String> sources, String createdBy, Instant createdAt,
        Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

    public ApiKey {
        sources = List.copyOf(sources);
    }

    /** Whether the key is accepted at this instant: not revoked and not expired. */
    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** The principal's name of a request made with this key, as the audit log and the services see it. */
    public String principal() {
        return ApiKeySecret.PRINCIPAL_PREFIX + id;
    }
}
