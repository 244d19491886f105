package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs and verifies the suite's tokens, as two PEM files: the private key for the requirements
 * service, which issues tokens, and the public key for every service, which verifies them. Made on first use and kept;
 * nothing of it is in the repository.
 *
 * @param publicKey {@value #PUBLIC_FILE}: X.509 SubjectPublicKeyInfo, readable by every service
 * @param privateKey {@value #PRIVATE_FILE}: PKCS#8, readable by its owner only
 */
public record SigningKeys(Path publicKey, Path privateKey) {

    public static final String PUBLIC_FILE = "jwt-public.pem";
    public static final String PRIVATE_FILE = "jwt-private.pem";
    private static final int KEY_BITS = 2048;

    /** The pair in this directory, made there first if it is not there yet. */
    public static SigningKeys in(Path directory) {
        SigningKeys keys = new SigningKeys(directory.resolve(PUBLIC_FILE), directory.resolve(PRIVATE_FILE));
        if (Files.isRegularFile(keys.publicKey()) && Files.isRegularFile(keys.privateKey())) {
            return keys;
        }
        KeyPair pair = generate();
        OwnerOnly.directory(directory);
        OwnerOnly.write(keys.privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        OwnerOnly.write(keys.publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return keys;
    }

    /** Reads the private key back, for a process that signs tokens itself (the tests' token helper). */
    public PrivateKey readPrivateKey() {
        try {
            String pem = Files.readString(privateKey, StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + privateKey, e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalStateException(privateKey + " is not an RSA private key in PEM", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has RSA", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
