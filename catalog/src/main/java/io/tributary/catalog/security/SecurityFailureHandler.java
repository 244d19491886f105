package io.tributary.catalog.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.tributary.catalog.problem.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the problem details of a 401 or 403 decided by the HTTP layer before any resource method: a token or key that
 * is refused, and the role checks of the operations endpoints ({@code /q/metrics}, {@code /q/openapi}).
 */
@ApplicationScoped
public class SecurityFailureHandler {

    private final ObjectMapper json;

    public SecurityFailureHandler(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        Problem problem;
        if (failure instanceof AuthenticationFailedException) {
            problem = SecurityProblems.refused();
        } else if (failure instanceof UnauthorizedException) {
            problem = SecurityProblems.unauthenticated();
        } else if (failure instanceof ForbiddenException) {
            problem = SecurityProblems.forbidden(identity(context), context.request().method().name(),
                    context.request().path());
        } else {
            context.next();
            return;
        }
        if (context.response().ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            context.next();
            return;
        }
        context.response().setStatusCode(problem.status());
        if (problem.status() == 401) {
            context.response().headers().set(HttpHeaderNames.WWW_AUTHENTICATE, SecurityProblems.CHALLENGE);
        }
        context.response().headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        context.response().end(body);
    }

    private static SecurityIdentity identity(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }
}
