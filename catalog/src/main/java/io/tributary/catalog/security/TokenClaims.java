package io.tributary.catalog.security;

/**
 * The shape of the tokens the requirements service signs and every service verifies (decision 0025): an RS256 JWT
 * whose {@code upn} is the user's name, whose {@code groups} are the user's roles, and whose {@code stakeholder} is the
 * stakeholder a person with that role is.
 */
public final class TokenClaims {

    /** The {@code iss} of every token; a service refuses a token of any other issuer. */
    public static final String ISSUER = "tributary";
    /** The claim naming the user; also the principal's name in the services. */
    public static final String USER = "upn";
    /** The claim listing the user's roles. */
    public static final String ROLES = "groups";
    /** The claim naming the id of the stakeholder a person with the {@code stakeholder} role is; absent otherwise. */
    public static final String STAKEHOLDER = "stakeholder";

    private TokenClaims() {
    }
}
