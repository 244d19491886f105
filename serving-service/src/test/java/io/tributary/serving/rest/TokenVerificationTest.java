package io.tributary.serving.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.tributary.catalog.security.Roles;
import io.tributary.catalog.security.TokenClaims;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * Tokens are refused as the signature check refuses them, whether or not the service keeps the tokens it verified
 * (decision 0055): {@link TokenVerificationWithoutKeptTokensTest} runs the same requests with nothing kept. A kept token is the one exact
 * text verified before; another key, another issuer, a tampered token and an expired one are refused every time.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class TokenVerificationTest {

    /** An operation analysts may call: answered 404 for a pipeline that does not exist, 401 without a valid token. */
    private static final String PATH = "/api/metrics/no-such-pipeline";
    /** Seconds the services accept a token past its expiry (mp.jwt.verify.clock.skew, default). */
    private static final long CLOCK_SKEW = 60;

    @Inject
    JWTParser parser;

    /** Whether the service keeps the tokens it verified. */
    protected boolean keeps() {
        return true;
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    private static int status(String token) {
        return given().auth().oauth2(token).get(PATH).then().extract().statusCode();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static JwtClaimsBuilder analyst(String issuer, long expiresAt) {
        return Jwt.issuer(issuer).upn("ana").groups(Set.of(Roles.ANALYST)).issuedAt(expiresAt - 3600)
                .expiresAt(expiresAt);
    }

    private static PrivateKey otherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    @Test
    void checksATokensSignatureOnceWhenItKeepsVerifiedTokens() throws ParseException {
        String token = TestTokens.token(Roles.ANALYST);
        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertEquals(keeps(), first == second);
        assertEquals(first.getClaimNames(), second.getClaimNames());
        assertEquals(first.getGroups(), second.getGroups());
    }

    @Test
    void acceptsAValidTokenOnEveryRequest() {
        String token = TestTokens.token(Roles.ANALYST);
        for (int i = 0; i < 3; i++) {
            assertEquals(404, status(token));
        }
        assertEquals(403, status(TestTokens.token(Roles.STAKEHOLDER)));
    }

    @Test
    void refusesATamperedTokenWhileTheOriginalIsAccepted() {
        String token = TestTokens.token(Roles.ANALYST);
        assertEquals(404, status(token));
        String[] parts = token.split("\\.");
        String adminClaims = TestTokens.token(Roles.ADMIN).split("\\.")[1];
        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);

        for (int i = 0; i < 2; i++) {
            assertEquals(401, status(parts[0] + "." + adminClaims + "." + parts[2]));
            assertEquals(401, status(badSignature));
            assertEquals(404, status(token));
        }
    }

    @Test
    void refusesATokenOfAnotherKeyOrIssuerEveryTime() throws NoSuchAlgorithmException {
        String otherKey = analyst(TokenClaims.ISSUER, now() + 3600).sign(otherKey());
        String otherIssuer = TestTokens.sign(analyst("elsewhere", now() + 3600));

        for (int i = 0; i < 2; i++) {
            assertEquals(401, status(otherKey));
            assertEquals(401, status(otherIssuer));
        }
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = TestTokens.sign(analyst(TokenClaims.ISSUER, now() - CLOCK_SKEW - 1));

        assertEquals(401, status(expired));
        assertEquals(401, status(expired));
    }

    @Test
    void refusesATokenFromTheSecondItExpiresAlthoughItWasAccepted() throws InterruptedException {
        // accepted for one or two seconds more: its expiry is almost the clock skew ago
        long expiresAt = now() - CLOCK_SKEW + 2;
        String token = TestTokens.sign(analyst(TokenClaims.ISSUER, expiresAt));
        assertEquals(404, status(token));
        assertEquals(404, status(token));

        while (now() < expiresAt + CLOCK_SKEW) {
            Thread.sleep(50);
        }
        assertEquals(401, status(token));
    }
}
