package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

/**
 * A signed token, to be sent to any service as {@code Authorization: Bearer <accessToken>}.
 *
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until it is refused; sign in again before
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt, String user,
        List<String> roles) {
}
