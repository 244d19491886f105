package io.tributary.testinfra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tributary.catalog.security.ApiKeyStore;
import io.tributary.catalog.security.Roles;

/**
 * Every operation a service's OpenAPI document describes, called without a token (401), with a token of each role
 * (403 where {@link AccessMatrix} does not allow the role) and with a producer's key on a source that is not its own
 * (403). Each refusal is a problem ({@code application/problem+json}). A service's test extends this.
 * <p>
 * Path parameters name nothing that exists and bodies are not valid, so that an allowed call changes nothing: it
 * answers 400, 404 or the like, and only 401 and 403 say that access was refused.
 */
public abstract class AccessMatrixContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM = "application/problem+json";
    private static final String OWN_SOURCE = "matrix-own-source";

    @Inject
    ApiKeyStore keys;

    private record Operation(String method, String template, String contentType, String path) {

        String key() {
            return method + " " + template;
        }
    }

    @Test
    void everyOperationIsInTheMatrix() {
        List<String> missing = operations().stream().map(Operation::key)
                .filter(key -> !AccessMatrix.ALLOWED.containsKey(key)).toList();
        assertEquals(List.of(), missing, "operations without an entry in AccessMatrix");
    }

    @Test
    void withoutATokenEveryOperationButTheOpenOnesIs401() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations()) {
            if (AccessMatrix.OPEN.contains(operation.key())) {
                continue;
            }
            Response response = call(given().auth().none(), operation);
            if (response.statusCode() != 401 || !problem(response)) {
                wrong.add(operation.key() + " answered " + response.statusCode() + " " + response.contentType());
            }
        }
        assertEquals(List.of(), wrong, "operations that did not answer 401 as a problem without a token");
    }

    @Test
    void eachRoleIsRefusedWhereTheMatrixDoesNotAllowIt() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations()) {
            Set<String> allowed = AccessMatrix.ALLOWED.getOrDefault(operation.key(), Set.of());
            for (String role : Roles.OF_USERS) {
                check(wrong, operation, role, given().auth().oauth2(TestTokens.token(role)),
                        allowed.contains(role) || AccessMatrix.OPEN.contains(operation.key()));
            }
        }
        assertEquals(List.of(), wrong, "operations that let a role in that the matrix refuses, or the reverse");
    }

    @Test
    void aProducerKeyIsRefusedOnEverySourceNotItsOwnAndEverywhereElse() {
        String key = keys.issue("access matrix", List.of(OWN_SOURCE), Instant.now().plus(1, ChronoUnit.HOURS),
                "access-matrix-test").secret().text();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations()) {
            boolean open = AccessMatrix.OPEN.contains(operation.key());
            check(wrong, operation, Roles.PRODUCER + " (another source)", given().auth().oauth2(key), open);
            if (operation.template().contains("{name}")
                    && AccessMatrix.ALLOWED.get(operation.key()).contains(Roles.PRODUCER)) {
                Operation own = new Operation(operation.method(), operation.template(), operation.contentType(),
                        operation.template().replace("{name}", OWN_SOURCE));
                check(wrong, own, Roles.PRODUCER + " (its own source)", given().auth().oauth2(key), true);
            }
        }
        assertEquals(List.of(), wrong, "operations that let a producer's key in, or kept it out of its own source");
    }

    private void check(List<String> wrong, Operation operation, String who, RequestSpecification request,
            boolean allowed) {
        Response response = call(request, operation);
        int status = response.statusCode();
        if (allowed && (status == 401 || status == 403)) {
            wrong.add(operation.key() + " as " + who + ": " + status + ", but the matrix allows it");
        } else if (!allowed && (status != 403 || !problem(response))) {
            wrong.add(operation.key() + " as " + who + ": " + status + " " + response.contentType()
                    + ", but the matrix refuses it");
        }
    }

    private static boolean problem(Response response) {
        return response.contentType() != null && response.contentType().startsWith(PROBLEM);
    }

    private static Response call(RequestSpecification request, Operation operation) {
        if (operation.contentType() != null) {
            // an operation that takes any type is sent bytes; bytes are sent as they are, whatever the type
            String type = operation.contentType().contains("*") ? "application/octet-stream" : operation.contentType();
            request = request.contentType(type).body(notValid(type).getBytes(StandardCharsets.UTF_8));
        }
        return request.request(operation.method(), operation.path());
    }

    /** A body of the declared type that no operation accepts. */
    private static String notValid(String contentType) {
        return contentType.contains("json") ? "{\"matrixProbe\": " : "matrix probe: not a document\n\u0000";
    }

    private List<Operation> operations() {
        String document = given().auth().oauth2(TestTokens.token(Roles.ADMIN)).accept("application/json")
                .queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        List<Operation> operations = new ArrayList<>();
        try {
            JsonNode paths = JSON.readTree(document).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    String contentType = content.isObject() && content.fieldNames().hasNext()
                            ? content.fieldNames().next()
                            : null;
                    operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), contentType,
                            probePath(path.getKey(), op.getValue(), path.getValue())));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
        assertFalse(operations.isEmpty(), "the OpenAPI document describes no operation");
        return operations;
    }

    /** The path with each parameter set to a value of its type that names nothing. */
    private static String probePath(String template, JsonNode operation, JsonNode pathItem) {
        String path = template;
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        pathItem.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            JsonNode schema = parameter.path("schema");
            String value = switch (schema.path("type").asText()) {
                case "integer", "number" -> "987654321";
                default -> "uuid".equals(schema.path("format").asText())
                        ? UUID.randomUUID().toString()
                        : "matrix-probe";
            };
            path = path.replace("{" + parameter.path("name").asText() + "}", value);
        }
        return path.replaceAll("\\{[^}]+}", "matrix-probe");
    }
}
