package io.tributary.requirements.api;

/** A new password an admin sets for an account. */
public record PasswordRequest(String password) {
}
