package io.tributary.requirements.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Passwords, hashed with bcrypt in Modular Crypt Format ({@code $2a$...}) and checked against that hash. */
public final class Passwords {

    /** Shorter passwords are refused. */
    public static final int MIN_LENGTH = 12;
    /** bcrypt reads no further than 72 bytes; a longer password would be cut without a word. */
    public static final int MAX_BYTES = 72;
    /** bcrypt's cost: 2^12 rounds, about a quarter of a second per check on a current core. */
    private static final int COST = 12;
    /** Checked when the account does not exist, so that an unknown name takes as long as a wrong password. */
    private static final String UNKNOWN = BcryptUtil.bcryptHash("no account has this password", COST);

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /** Whether the password is the one of the hash; a null hash (no such account) never matches. */
    public static boolean matches(String password, String hash) {
        boolean match = BcryptUtil.matches(password, hash == null ? UNKNOWN : hash);
        return hash != null && match;
    }

    /** What is wrong with a new password, each as "where: what"; empty when it may be used. */
    public static List<String> problems(String where, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null) {
            problems.add(where + ": required");
        } else if (password.length() < MIN_LENGTH) {
            problems.add(where + ": at least " + MIN_LENGTH + " characters");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(where + ": at most " + MAX_BYTES + " bytes in UTF-8");
        }
        return problems;
    }
}
