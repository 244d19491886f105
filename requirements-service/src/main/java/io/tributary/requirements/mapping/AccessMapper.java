package io.tributary.requirements.mapping;

import java.time.Duration;
import java.time.Instant;

import io.tributary.catalog.security.ApiKey;
import io.tributary.catalog.security.ApiKeyStore;
import io.tributary.requirements.access.TokenIssuer;
import io.tributary.requirements.access.User;
import io.tributary.requirements.api.ApiKeyResponse;
import io.tributary.requirements.api.IssuedApiKeyResponse;
import io.tributary.requirements.api.TokenResponse;
import io.tributary.requirements.api.UserResponse;

public final class AccessMapper {

    private AccessMapper() {
    }

    public static TokenResponse toResponse(TokenIssuer.Token token, User user) {
        return new TokenResponse(token.value(), "Bearer", Duration.between(token.issuedAt(), token.expiresAt())
                .toSeconds(), token.expiresAt(), user.name(), user.roles());
    }

    public static UserResponse toResponse(User user) {
        return new UserResponse(user.name(), user.roles(), user.stakeholderId(), user.createdAt(), user.updatedAt(),
                user.passwordSetAt());
    }

    public static ApiKeyResponse toResponse(ApiKey key, Instant now) {
        return new ApiKeyResponse(key.id(), key.name(), key.sources(), key.validAt(now), key.createdBy(),
                key.createdAt(), key.expiresAt(), key.revokedAt(), key.revokedBy(), key.lastUsedAt());
    }

    public static IssuedApiKeyResponse toResponse(ApiKeyStore.Issued issued) {
        ApiKey key = issued.key();
        return new IssuedApiKeyResponse(issued.secret().text(), key.id(), key.name(), key.sources(),
                key.expiresAt());
    }
}
