package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The password of the local suite's {@code admin} account: generated on the first start, kept in the data directory
 * for its owner alone, and given to the requirements service, which creates the account with it when the catalog has
 * none. The demo loader, the system test and {@code tributary token} sign in with it.
 *
 * @param file {@value #FILE} in the keys directory
 * @param created whether this start generated it, so that it is shown once
 */
public record AdminPassword(Path file, String password, boolean created) {

    public static final String USER = "admin";
    public static final String FILE = "admin-password";
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 24;

    /** The password kept in this directory, generated there first if there is none. */
    public static AdminPassword in(Path directory) {
        Path file = directory.resolve(FILE);
        if (Files.isRegularFile(file)) {
            return new AdminPassword(file, read(file), false);
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        OwnerOnly.directory(directory);
        OwnerOnly.write(file, password + System.lineSeparator());
        return new AdminPassword(file, password.toString(), true);
    }

    /** The password kept in this directory; fails when there is none. */
    public static AdminPassword read(Path directory, String hint) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": " + hint);
        }
        return new AdminPassword(file, read(file), false);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    @Override
    public String toString() {
        return "AdminPassword[" + file + "]"; // never the password itself
    }
}
