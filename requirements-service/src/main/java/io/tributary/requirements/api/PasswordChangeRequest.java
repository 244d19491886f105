package io.tributary.requirements.api;

/** A person changing their own password: the current one proves it is them. */
public record PasswordChangeRequest(String currentPassword, String newPassword) {
}
