package io.tributary.catalog.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

class VerifiedTokensTest {

    private static final KeyPair KEYS = keys();
    private static final KeyPair OTHER_KEYS = keys();

    /** The verifier as the services configure it: the key, the issuer, the default clock skew. */
    private final JWTAuthContextInfo context = new JWTAuthContextInfo(KEYS.getPublic(), TokenClaims.ISSUER);
    private final DefaultJWTParser parser = new DefaultJWTParser(context);
    private final AtomicInteger verified = new AtomicInteger();
    private final VerifiedTokens.Verifier counting = token -> {
        verified.incrementAndGet();
        return parser.parse(token);
    };

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String token(long expiresAt) {
        return Jwt.issuer(TokenClaims.ISSUER).upn("ana").groups(Set.of(Roles.ANALYST)).issuedAt(expiresAt - 3600)
                .expiresAt(expiresAt).sign(KEYS.getPrivate());
    }

    private VerifiedTokens tokens(int maxEntries, AtomicLong clock) {
        return new VerifiedTokens(maxEntries, VerifiedTokenParser.acceptedPastExpiry(context), context.getTokenAge(),
                clock::get);
    }

    @Test
    void verifiesATokenOnceAndGivesTheSameClaimsAfterwards() throws ParseException {
        VerifiedTokens tokens = tokens(10, new AtomicLong(now()));
        String token = token(now() + 3600);

        JsonWebToken first = tokens.verify(token, counting);
        JsonWebToken second = tokens.verify(token, counting);

        assertEquals(1, verified.get());
        assertSame(first, second);
        assertEquals("ana", second.getName());
        assertEquals(Set.of(Roles.ANALYST), second.getGroups());
        assertEquals(parser.parse(token).getClaimNames(), second.getClaimNames());
    }

    @Test
    void refusesATamperedTokenAlthoughTheOriginalIsKept() throws ParseException {
        VerifiedTokens tokens = tokens(10, new AtomicLong(now()));
        String token = token(now() + 3600);
        tokens.verify(token, counting);
        String[] parts = token.split("\\.");
        String otherClaims = Jwt.issuer(TokenClaims.ISSUER).upn("ana").groups(Set.of(Roles.ADMIN))
                .expiresAt(now() + 3600).sign(OTHER_KEYS.getPrivate()).split("\\.")[1];
        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);

        assertThrows(ParseException.class, () -> tokens.verify(parts[0] + "." + otherClaims + "." + parts[2],
                counting));
        assertThrows(ParseException.class, () -> tokens.verify(badSignature, counting));
        assertEquals(1, tokens.size());
    }

    @Test
    void refusesATokenOfAnotherKeyOrIssuerEveryTime() {
        VerifiedTokens tokens = tokens(10, new AtomicLong(now()));
        String otherKey = Jwt.issuer(TokenClaims.ISSUER).upn("ana").expiresAt(now() + 3600)
                .sign(OTHER_KEYS.getPrivate());
        String otherIssuer = Jwt.issuer("elsewhere").upn("ana").expiresAt(now() + 3600).sign(KEYS.getPrivate());

        for (int i = 0; i < 2; i++) {
            assertThrows(ParseException.class, () -> tokens.verify(otherKey, counting));
            assertThrows(ParseException.class, () -> tokens.verify(otherIssuer, counting));
        }
        assertEquals(4, verified.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void refusesAnExpiredToken() {
        VerifiedTokens tokens = tokens(10, new AtomicLong(now()));
        String expired = token(now() - VerifiedTokenParser.acceptedPastExpiry(context) - 1);

        assertThrows(ParseException.class, () -> tokens.verify(expired, counting));
        assertEquals(0, tokens.size());
    }

    @Test
    void refusesAKeptTokenFromTheSecondTheVerifierWould() throws Exception {
        long skew = VerifiedTokenParser.acceptedPastExpiry(context);
        // accepted for one or two more seconds only: its expiry is almost a clock skew ago
        long expiresAt = now() - skew + 2;
        String token = token(expiresAt);
        AtomicLong clock = new AtomicLong(now());
        VerifiedTokens tokens = tokens(10, clock);
        tokens.verify(token, counting);
        assertEquals(1, tokens.size());

        clock.set(expiresAt + skew - 1);
        assertEquals("ana", tokens.verify(token, counting).getName());
        assertEquals(1, verified.get());

        // the verifier's own clock reaches the same second: both refuse it from then on
        while (now() < expiresAt + skew) {
            Thread.sleep(100);
        }
        clock.set(expiresAt + skew);
        assertThrows(ParseException.class, () -> parser.parse(token));
        assertThrows(ParseException.class, () -> tokens.verify(token, counting));
        assertEquals(0, tokens.size());
    }

    @Test
    void refusesFromTheFirstSecondPastTheMaximumAge() {
        VerifiedTokens ageless = new VerifiedTokens(10, 60, null, () -> 0);
        VerifiedTokens aged = new VerifiedTokens(10, 60, 300L, () -> 0);

        assertEquals(1_000 + 60, ageless.refusedFrom(1_000, 0));
        assertEquals(301, aged.refusedFrom(10_000, 0));
        assertEquals(100 + 60, aged.refusedFrom(100, 0));
    }

    @Test
    void keepsNoMoreThanItsBoundAndMakesRoomFromExpiredTokens() throws ParseException {
        AtomicLong clock = new AtomicLong(now());
        VerifiedTokens tokens = tokens(2, clock);
        String soon = token(now() + 100);
        tokens.verify(soon, counting);
        tokens.verify(token(now() + 3600), counting);
        String third = token(now() + 3601);

        tokens.verify(third, counting);
        assertEquals(2, tokens.size());
        tokens.verify(third, counting);
        assertEquals(4, verified.get(), "a token that found no room is verified again");

        clock.addAndGet(100 + VerifiedTokenParser.acceptedPastExpiry(context));
        tokens.verify(third, counting);
        tokens.verify(third, counting);
        assertEquals(5, verified.get(), "the expired token made room");
        assertEquals(2, tokens.size());
    }
}
