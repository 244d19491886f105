package io.tributary.transform.apply;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a record's data, in lower-case hex. Each thread keeps one digest: looking the algorithm up among the
 * security providers for every record cost more than hashing its few hundred bytes. {@link #plainSha256} is the
 * reference, a new digest per call.
 */
final class Hashes {

    private static final HexFormat HEX = HexFormat.of();
    /** {@link MessageDigest#digest(byte[])} leaves the digest reset, ready for the thread's next record. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Hashes::newSha256);

    private Hashes() {
    }

    static String sha256(byte[] bytes) {
        return HEX.formatHex(SHA_256.get().digest(bytes));
    }

    static String plainSha256(byte[] bytes) {
        return HEX.formatHex(newSha256().digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
