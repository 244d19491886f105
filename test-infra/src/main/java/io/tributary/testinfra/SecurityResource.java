package io.tributary.testinfra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The test JVM's signing key pair, given to the service under test as the local runtime gives it: the public key to
 * verify tokens with, and the private key to the requirements service, which issues them. {@link TestTokens} signs
 * with the same private key.
 */
public class SecurityResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", TestTokens.keys().publicKey().toString(),
                "smallrye.jwt.sign.key.location", TestTokens.keys().privateKey().toString());
    }

    @Override
    public void stop() {
        // the key pair lives as long as the JVM: its tokens may still be in use by the next test class
    }
}
