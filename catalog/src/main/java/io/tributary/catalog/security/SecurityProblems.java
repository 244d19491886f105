package io.tributary.catalog.security;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.problem.Problem;

/**
 * 401 and 403 as problem details, like every other error. This maps the refusals of the resource methods' annotations;
 * {@link SecurityFailureHandler} those decided before a request reaches them (a refused token, {@code /q/metrics}).
 */
public class SecurityProblems {

    /** The challenge of every 401: a bearer token or a bearer API key. */
    public static final String CHALLENGE = "Bearer";

    private final CurrentIdentityAssociation identities;

    public SecurityProblems(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return answer(unauthenticated());
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e) {
        return answer(refused());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, Request request, UriInfo uri) {
        return answer(forbidden(identities.getIdentity(), request.getMethod(), uri.getPath()));
    }

    /** No credentials where some are needed. */
    static Problem unauthenticated() {
        return Problem.of(Response.Status.UNAUTHORIZED, "this operation needs a token or an API key: sign in with "
                + "POST /api/auth/token on the requirements service and send 'Authorization: Bearer <token>'",
                List.of());
    }

    /** Credentials that were not accepted. */
    static Problem refused() {
        return Problem.of(Response.Status.UNAUTHORIZED, "the credentials were refused: the token or API key is not "
                + "valid, has expired or was revoked; sign in again with POST /api/auth/token", List.of());
    }

    /** A known caller whose roles do not allow the operation. */
    static Problem forbidden(SecurityIdentity identity, String method, String path) {
        String who = identity == null || identity.isAnonymous()
                ? "an anonymous caller"
                : "'" + Principals.name(identity) + "' (roles: " + String.join(", ",
                        identity.getRoles().stream().sorted().toList()) + ")";
        return Problem.of(Response.Status.FORBIDDEN, who + " may not " + method + " " + path, List.of());
    }

    private static Response answer(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).entity(problem).type(Problem.MEDIA_TYPE);
        if (problem.status() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.build();
    }
}
