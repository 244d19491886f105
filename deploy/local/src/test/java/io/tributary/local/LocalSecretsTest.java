package io.tributary.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing keys and the admin's password of a local suite: made once, kept for their owner alone. */
class LocalSecretsTest {

    @Test
    void theKeyPairIsMadeOnceReadableByItsOwnerOnlyAndSigns(@TempDir Path data) throws Exception {
        Path keys = data.resolve("keys");
        SigningKeys first = SigningKeys.in(keys);
        String publicPem = Files.readString(first.publicKey());
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----"), publicPem);
        assertEquals("rw-------", permissions(first.privateKey()));
        assertEquals("rwx------", permissions(keys));

        SigningKeys again = SigningKeys.in(keys);
        assertEquals(publicPem, Files.readString(again.publicKey()), "the pair of the first start is kept");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) again.readPrivateKey();
        assertEquals(2048, key.getModulus().bitLength());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(new byte[]{1, 2, 3});
        assertEquals(256, signature.sign().length);
    }

    @Test
    void theAdminPasswordIsGeneratedOnceAndShownAsCreatedOnlyThen(@TempDir Path data) throws IOException {
        Path keys = data.resolve("keys");
        AdminPassword first = AdminPassword.in(keys);
        assertTrue(first.created());
        assertEquals(24, first.password().length());
        assertEquals("rw-------", permissions(first.file()));
        assertFalse(first.toString().contains(first.password()), "the password never shows in a log line");

        AdminPassword again = AdminPassword.in(keys);
        assertFalse(again.created());
        assertEquals(first.password(), again.password());
        assertEquals(first.password(), AdminPassword.read(keys, "").password());
        assertFalse(AdminPassword.in(data.resolve("other")).password().equals(first.password()));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
