package io.tributary.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.tributary.catalog.security.Roles;
import io.tributary.catalog.security.TokenClaims;
import io.tributary.local.SigningKeys;

/**
 * Real signed tokens for tests: RS256 JWTs of the shape the requirements service issues, signed with a key pair made
 * for this JVM, which {@link SecurityResource} hands to the service under test. There is no switch that turns
 * security off; a test calls as a role.
 *
 * <pre>{@code
 * @BeforeEach
 * void signIn() {
 *     TestTokens.signInAs(Roles.ENGINEER); // every given() of the test carries an engineer's token
 * }
 * given().auth().oauth2(TestTokens.token(Roles.ANALYST))... // one call as another role
 * given().auth().none()...                                  // one call without a token
 * }</pre>
 */
public final class TestTokens {

    private static final Duration LIFETIME = Duration.ofHours(2);
    private static volatile Holder holder;

    private record Holder(SigningKeys keys, PrivateKey privateKey) {
    }

    private TestTokens() {
    }

    /** A token of a user named after the role ({@code <role>-test}) holding that role alone. */
    public static String token(String role) {
        return token(role + "-test", Set.of(role));
    }

    /** A token of the named user with these roles. */
    public static String token(String user, Set<String> roles) {
        return Jwt.issuer(TokenClaims.ISSUER)
                .upn(user)
                .groups(roles)
                .expiresIn(LIFETIME)
                .sign(holder().privateKey());
    }

    /** A token of a person with the {@code stakeholder} role alone, who is the stakeholder of this id. */
    public static String stakeholderToken(String user, long stakeholderId) {
        return Jwt.issuer(TokenClaims.ISSUER)
                .upn(user)
                .groups(Set.of(Roles.STAKEHOLDER))
                .claim(TokenClaims.STAKEHOLDER, stakeholderId)
                .expiresIn(LIFETIME)
                .sign(holder().privateKey());
    }

    /** These claims signed with the test key, as given: a test of expiry or issuer sets them itself. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(holder().privateKey());
    }

    /** From now on every RestAssured request of this JVM carries a token of the role, until the next sign-in. */
    public static void signInAs(String role) {
        RestAssured.authentication = RestAssured.oauth2(token(role));
    }

    /** From now on every RestAssured request of this JVM carries a token of this user with these roles. */
    public static void signInAs(String user, Set<String> roles) {
        RestAssured.authentication = RestAssured.oauth2(token(user, roles));
    }

    /** From now on RestAssured requests carry no token. */
    public static void signOut() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    /** The JVM's key pair as PEM files, made on first use. */
    static SigningKeys keys() {
        return holder().keys();
    }

    private static Holder holder() {
        Holder current = holder;
        if (current == null) {
            synchronized (TestTokens.class) {
                current = holder;
                if (current == null) {
                    current = create();
                    holder = current;
                }
            }
        }
        return current;
    }

    private static Holder create() {
        try {
            Path directory = Files.createTempDirectory("tributary-test-keys-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempDirs.delete(directory)));
            SigningKeys keys = SigningKeys.in(directory.resolve("keys"));
            return new Holder(keys, keys.readPrivateKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
