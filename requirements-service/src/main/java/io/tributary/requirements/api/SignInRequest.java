package io.tributary.requirements.api;

/** A person signing in. */
public record SignInRequest(String user, String password) {
}
