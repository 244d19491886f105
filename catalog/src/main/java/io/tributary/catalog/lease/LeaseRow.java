package io.tributary.catalog.lease;

import java.time.Instant;
import java.util.UUID;

/**
 * A lease as the catalog holds it, read under its row lock.
 *
 * @param holder the instance that holds or last held it
 * @param token the holding of that instance, null once released
 * @param expiresAt when it lapses unless renewed, by the database's clock
 */
public record LeaseRow(String holder, UUID token, Instant expiresAt) {
}
