package io.tributary.catalog.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Tokens whose signature and claims were verified, kept until the second the verifier would start refusing them, so
 * that a person's requests pay the RS256 signature check once per token rather than once per request (decision 0055).
 * <p>
 * A token is kept under its exact text: another text, however close, is verified afresh. Only tokens the verifier
 * accepted are kept; a refused token is refused again on every request. A kept token is given only while
 * {@link #refusedFrom} is in the future, the verifier's own rule: its expiry plus the clock skew allowed, and its age
 * when a maximum age is set. A deleted account's token stays valid until it expires, kept or not (decision 0025), and
 * a new signing key means restarting the services, which starts them with nothing kept. At most {@code maxEntries}
 * are kept: when full, the expired ones are dropped, and a token that still finds no room is verified on every request.
 */
public final class VerifiedTokens {

    /** Verifies one token: signature, issuer, expiry; throws what the verifier throws. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Kept(JsonWebToken token, long refusedFrom) {
    }

    private final int maxEntries;
    private final long clockSkewSeconds;
    private final Long maxAgeSeconds;
    private final LongSupplier epochSeconds;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /**
     * @param maxEntries       most tokens kept at once
     * @param clockSkewSeconds seconds past its expiry the verifier still accepts a token
     * @param maxAgeSeconds    seconds after its issue the verifier accepts a token; null for no limit
     * @param epochSeconds     the clock, in whole seconds since the epoch as the verifier reads it
     */
    public VerifiedTokens(int maxEntries, long clockSkewSeconds, Long maxAgeSeconds, LongSupplier epochSeconds) {
        this.maxEntries = maxEntries;
        this.clockSkewSeconds = clockSkewSeconds;
        this.maxAgeSeconds = maxAgeSeconds;
        this.epochSeconds = epochSeconds;
    }

    /** The verified token: the one kept while it is still accepted, otherwise {@code verifier}'s, kept if room. */
    public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        Kept known = kept.get(token);
        if (known != null) {
            if (epochSeconds.getAsLong() < known.refusedFrom()) {
                return known.token();
            }
            kept.remove(token, known);
        }
        JsonWebToken verified = verifier.verify(token);
        long refusedFrom = refusedFrom(verified.getExpirationTime(), verified.getIssuedAtTime());
        long now = epochSeconds.getAsLong();
        if (now < refusedFrom && (kept.size() < maxEntries || dropExpired(now) < maxEntries)) {
            kept.put(token, new Kept(verified, refusedFrom));
        }
        return verified;
    }

    /**
     * The first whole second at which the verifier refuses a token of this expiry and issue time: it accepts a token
     * while {@code now - skew < exp} and, with a maximum age, while {@code now - iat <= maxAge}.
     */
    long refusedFrom(long expiresAt, long issuedAt) {
        long refused = expiresAt + clockSkewSeconds;
        if (maxAgeSeconds != null) {
            refused = Math.min(refused, issuedAt + maxAgeSeconds + 1);
        }
        return refused;
    }

    /** How many tokens are kept. */
    public int size() {
        return kept.size();
    }

    private int dropExpired(long now) {
        kept.values().removeIf(k -> now >= k.refusedFrom());
        return kept.size();
    }
}
