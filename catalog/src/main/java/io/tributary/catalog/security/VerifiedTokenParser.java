package io.tributary.catalog.security;

import java.security.PrivateKey;
import java.security.PublicKey;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The token parser every service authenticates requests with, keeping the tokens it verified until they expire
 * ({@link VerifiedTokens}, decision 0055). Only {@link #parse(String)}, the check of a request's token against the
 * configured key and issuer, is kept; every other way of parsing goes to the parser as it is.
 */
@Decorator
@Priority(10)
public class VerifiedTokenParser implements JWTParser {

    private final JWTParser parser;
    private final VerifiedTokens tokens;

    @Inject
    public VerifiedTokenParser(@Delegate JWTParser parser, JWTAuthContextInfo context, VerifiedTokensConfig config) {
        this.parser = parser;
        this.tokens = config.enabled()
                ? new VerifiedTokens(config.maxEntries(), acceptedPastExpiry(context), context.getTokenAge(),
                        () -> System.currentTimeMillis() / 1000)
                : null;
    }

    /** Seconds past its expiry the parser still accepts a token: the grace period if set, else the clock skew. */
    static long acceptedPastExpiry(JWTAuthContextInfo context) {
        if (context.getExpGracePeriodSecs() > 0) {
            return context.getExpGracePeriodSecs();
        }
        return Math.max(0, context.getClockSkew());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return tokens == null ? parser.parse(token) : tokens.verify(token, parser::parse);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
