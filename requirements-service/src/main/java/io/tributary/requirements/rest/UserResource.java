package io.tributary.requirements.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tributary.catalog.audit.AuditTrail;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.security.Roles;
import io.tributary.requirements.access.UserService;
import io.tributary.requirements.api.PasswordRequest;
import io.tributary.requirements.api.UserRequest;
import io.tributary.requirements.api.UserResponse;
import io.tributary.requirements.mapping.AccessMapper;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "People's accounts and their roles; admins only")
public class UserResource {

    private final UserService users;
    private final AuditTrail audit;

    public UserResource(UserService users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @RolesAllowed(Roles.ADMIN)
    @GET
    @Operation(summary = "Every account with its roles")
    public List<UserResponse> list() {
        return users.list().stream().map(AccessMapper::toResponse).toList();
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account: name, password (12 characters or more), roles, and for a stakeholder "
            + "the stakeholder's id")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Not valid; every problem is listed with its JSON path")
    @APIResponse(responseCode = "409", description = "An account of that name exists")
    public Response create(UserRequest request) {
        UserRequest body = required(request);
        UserResponse user = AccessMapper.toResponse(users.create(body.name(), body.password(), body.roles(),
                body.stakeholder()));
        return Response.created(URI.create("/api/users/" + user.name())).entity(user).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @GET
    @Path("/{name}")
    @Operation(summary = "An account")
    @APIResponse(responseCode = "404", description = "No such account")
    public UserResponse get(@PathParam("name") String name) {
        return AccessMapper.toResponse(users.get(name));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an account's roles and stakeholder; its name and password stay")
    @APIResponse(responseCode = "400", description = "Not valid; every problem is listed with its JSON path")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "It would leave no admin")
    public UserResponse update(@PathParam("name") String name, UserRequest request) {
        UserRequest body = required(request);
        audit.before(AccessMapper.toResponse(users.get(name)));
        return AccessMapper.toResponse(users.update(name, body.roles(), body.stakeholder()));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{name}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an account's password; tokens issued before stay valid until they expire")
    @APIResponse(responseCode = "400", description = "The password cannot be used")
    @APIResponse(responseCode = "404", description = "No such account")
    public UserResponse setPassword(@PathParam("name") String name, PasswordRequest request) {
        return AccessMapper.toResponse(users.setPassword(name, request == null ? null : request.password()));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete an account; tokens issued before stay valid until they expire")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "It is the last admin")
    public void delete(@PathParam("name") String name) {
        audit.before(AccessMapper.toResponse(users.get(name)));
        users.delete(name);
    }

    private static UserRequest required(UserRequest request) {
        if (request == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the body must be an account in JSON",
                    List.of("$: an object with name, password, roles and stakeholder"));
        }
        return request;
    }
}
