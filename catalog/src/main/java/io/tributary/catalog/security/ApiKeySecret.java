package io.tributary.catalog.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An API key as a producer sends it: {@code trb_<id>_<secret>}. The id finds the key in the catalog; the secret, 256
 * random bits, is kept only as its SHA-256 hash (decision 0025: a secret of that strength needs no slow hash, and a
 * slow hash would cost every event push its time).
 *
 * @param id 16 lowercase hex digits
 * @param secret 43 characters of URL-safe Base64
 */
public record ApiKeySecret(String id, String secret) {

    /** The beginning of every key, so that a key is recognised in a header, a log or a leaked file. */
    public static final String PREFIX = "trb_";
    /** The beginning of the principal's name of a request made with a key. */
    public static final String PRINCIPAL_PREFIX = "key:";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 8;
    private static final int SECRET_BYTES = 32;

    /** A new key: a random id and a random secret. */
    public static ApiKeySecret generate() {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiKeySecret(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding()
                .encodeToString(secret));
    }

    /** Reads a key as sent; empty when the text does not have the shape of a key. */
    public static Optional<ApiKeySecret> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = text.substring(PREFIX.length());
        int separator = rest.indexOf('_');
        if (separator != ID_BYTES * 2) {
            return Optional.empty();
        }
        String id = rest.substring(0, separator);
        String secret = rest.substring(separator + 1);
        if (!id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) || secret.isEmpty()
                || secret.length() > 128) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeySecret(id, secret));
    }

    /** The key as the producer sends it. */
    public String text() {
        return PREFIX + id + "_" + secret;
    }

    /** What the catalog keeps of the secret. */
    public String hash() {
        return hash(secret);
    }

    /** Whether this key's secret is the one whose hash the catalog keeps, compared in constant time. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return PREFIX + id + "_…"; // never the secret, wherever a key is logged
    }
}
