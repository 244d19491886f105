package io.tributary.testinfra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;
import io.tributary.catalog.security.Roles;

/**
 * What every Tributary service exposes for operations: readiness that checks PostgreSQL and Kafka, open to anyone;
 * Prometheus metrics, for operators; its OpenAPI description, for any person signed in; and errors told one way, as
 * RFC 9457 problem details, the framework's own included. A service's test extends this with its API's title and one
 * of its paths. Each call says whose it is: none, or a token of a role (an admin's unless told).
 */
public abstract class OperationsEndpointsContract {

    static final String PROBLEM_JSON = "application/problem+json";

    /** A media type no operation takes or answers in. */
    private static final String UNKNOWN_TYPE = "application/x-tributary-unknown";

    protected abstract String apiTitle();

    protected abstract String apiPath();

    @BeforeEach
    void signInAsAdmin() {
        TestTokens.signInAs(Roles.ADMIN);
    }

    @Test
    void readinessIsUpAndChecksTheDatabaseAndKafka() {
        given().auth().none().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Database"), containsString("Kafka")));
    }

    @Test
    void livenessIsUp() {
        given().auth().none().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedAsPrometheusText() {
        given().auth().none().when().get("/q/metrics").then().statusCode(401);
        given().auth().oauth2(TestTokens.token(Roles.ANALYST)).when().get("/q/metrics").then().statusCode(403);
        given().auth().oauth2(TestTokens.token(Roles.ENGINEER)).accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().auth().oauth2(TestTokens.token(Roles.ANALYST)).when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString(apiTitle()))
                .body(containsString(apiPath() + ":"));
    }

    @Test
    void swaggerUiIsServed() {
        given().auth().oauth2(TestTokens.token(Roles.ANALYST)).when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownPathAnswersNotFoundAsProblem() {
        problem(given().when().get("/api/nothing-here").then(), 404, "Not Found")
                .body("detail", containsString("/api/nothing-here"));
    }

    @Test
    void methodThePathDoesNotAllowAnswersProblemNamingTheAllowedOnes() {
        problem(given().when().delete(concrete(apiPath())).then(), 405, "Method Not Allowed")
                .body("detail", allOf(containsString("DELETE"), containsString("GET")));
    }

    @Test
    void acceptThePathCannotAnswerAnswersProblemNamingWhatItAnswersIn() {
        problem(given().accept(UNKNOWN_TYPE).when().get(concrete(apiPath())).then(), 406, "Not Acceptable")
                .body("detail", allOf(containsString(UNKNOWN_TYPE), containsString("application/json")));
    }

    /** Every operation that takes a body, as the OpenAPI description lists them, says which types it takes. */
    @Test
    void everyOperationTakingABodyAnswersAnUnknownTypeWith415NamingTheTypesItTakes() {
        for (BodyOperation operation : bodyOperations()) {
            ValidatableResponse response = given().contentType(UNKNOWN_TYPE).body(new byte[]{1})
                    .when().request(operation.method(), concrete(operation.path())).then();
            problem(response, 415, "Unsupported Media Type").body("detail", containsString(UNKNOWN_TYPE));
            for (String type : operation.types()) {
                response.body("detail", containsString(type));
            }
        }
    }

    @Test
    void everyOperationTakingJsonAnswersUnreadableJsonWithAProblem() {
        for (BodyOperation operation : bodyOperations()) {
            if (operation.types().contains("application/json")) {
                ValidatableResponse response = given().contentType("application/json").body("{\"name\": ")
                        .when().request(operation.method(), concrete(operation.path())).then();
                response.statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
                problem(response, response.extract().statusCode(), null);
            }
        }
    }

    /** Checks the body is problem details of the status; a null title is not checked. */
    private static ValidatableResponse problem(ValidatableResponse response, int status, String title) {
        response.statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("about:blank"))
                .body("status", equalTo(status))
                .body("title", title == null ? notNullValue() : equalTo(title))
                .body("detail", not(equalTo("")))
                .body("problems", instanceOf(List.class));
        return response;
    }

    /** An operation with a request body, and the media types it declares for it. */
    private record BodyOperation(String method, String path, List<String> types) {
    }

    @SuppressWarnings("unchecked")
    private static List<BodyOperation> bodyOperations() {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<BodyOperation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            Object body = operation instanceof Map<?, ?> map ? map.get("requestBody") : null;
            if (body instanceof Map<?, ?> requestBody && requestBody.get("content") instanceof Map<?, ?> content
                    && !content.containsKey("*/*")) {
                operations.add(new BodyOperation(method.toUpperCase(Locale.ROOT), path,
                        List.copyOf((Set<String>) content.keySet())));
            }
        }));
        return operations;
    }

    /** The path with a value in each of its parameters. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "x");
    }
}
