package io.tributary.requirements.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.audit.SecretAnswer;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.Roles;
import io.tributary.catalog.security.SecurityProblems;
import io.tributary.requirements.access.TokenIssuer;
import io.tributary.requirements.access.User;
import io.tributary.requirements.access.UserService;
import io.tributary.requirements.api.PasswordChangeRequest;
import io.tributary.requirements.api.SignInRequest;
import io.tributary.requirements.api.TokenResponse;
import io.tributary.requirements.api.UserResponse;
import io.tributary.requirements.mapping.AccessMapper;

@Path("/api/auth")
@Tag(name = "Sign-in", description = "Tokens for people: every service accepts them as 'Authorization: Bearer'")
public class AuthResource {

    private final UserService users;
    private final TokenIssuer tokens;
    private final SecurityIdentity identity;

    public AuthResource(UserService users, TokenIssuer tokens, SecurityIdentity identity) {
        this.users = users;
        this.tokens = tokens;
        this.identity = identity;
    }

    @PermitAll
    @SecretAnswer
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with a name and a password; answers a token signed for every service")
    @APIResponse(responseCode = "401", description = "The name or the password is wrong")
    public TokenResponse token(SignInRequest request) {
        User user = users.signIn(request == null ? null : request.user(), request == null ? null : request.password())
                .orElseThrow(() -> new ProblemException(Response.Status.UNAUTHORIZED,
                        "the name or the password is wrong").header(HttpHeaders.WWW_AUTHENTICATE,
                                SecurityProblems.CHALLENGE));
        return AccessMapper.toResponse(tokens.issue(user), user);
    }

    @RolesAllowed({Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER, Roles.ANALYST, Roles.STAKEHOLDER})
    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's own password; tokens issued before stay valid until they expire")
    @APIResponse(responseCode = "400", description = "The new password cannot be used")
    @APIResponse(responseCode = "403", description = "The current password is wrong")
    public UserResponse changePassword(PasswordChangeRequest request) {
        String name = identity.getPrincipal().getName();
        if (request == null || users.signIn(name, request.currentPassword()).isEmpty()) {
            throw new ProblemException(Response.Status.FORBIDDEN, "the current password is wrong",
                    List.of("$.currentPassword: the password '" + name + "' signs in with now"));
        }
        return AccessMapper.toResponse(users.setPassword(name, request.newPassword()));
    }
}
