package io.tributary.requirements.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/** Every write is in the audit log with who, what, when, from where and its states; only admins read it. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class AuditResourceTest {

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ADMIN);
    }

    @Test
    void aWriteIsRecordedWithWhoWhatWhenWhereAndItsStatesBeforeAndAfter() {
        Instant start = Instant.now();
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        TestTokens.signInAs(admin, java.util.Set.of(Roles.ADMIN));
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "password", "a password of twelve", "roles", List.of(Roles.ANALYST)))
                .post("/api/users").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.STEWARD)))
                .put("/api/users/" + name).then().statusCode(200);

        given().queryParam("principal", admin).queryParam("from", start.toString())
                .get("/api/audit")
                .then().statusCode(200)
                .body("size()", is(2))
                .body("[0].method", is("PUT"))
                .body("[0].path", is("/api/users/" + name))
                .body("[0].operation", is("UserResource#update"))
                .body("[0].service", is("requirements-service"))
                .body("[0].roles", is(List.of(Roles.ADMIN)))
                .body("[0].status", is(200))
                .body("[0].remote", notNullValue())
                .body("[0].before.roles", is(List.of(Roles.ANALYST)))
                .body("[0].after.roles", is(List.of(Roles.STEWARD)))
                .body("[1].method", is("POST"))
                .body("[1].status", is(201))
                .body("[1].after.name", is(name))
                .body("[1].after.password", nullValue());
    }

    @Test
    void anAnswerHoldingASecretIsNotKeptAndARefusedWriteIsRecorded() {
        Instant start = Instant.now();
        TestTokens.signInAs(Roles.ENGINEER);
        given().contentType(ContentType.JSON).body(Map.of("name", "audit test", "sources", List.of("webshop")))
                .post("/api/keys").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "password", "a password of twelve",
                "roles", List.of(Roles.ADMIN)))
                .post("/api/users").then().statusCode(403);

        TestTokens.signInAs(Roles.ADMIN);
        given().queryParam("principal", "engineer-test").queryParam("from", start.toString())
                .get("/api/audit")
                .then().statusCode(200)
                .body("status", is(List.of(403, 201)))
                .body("[1].operation", is("ApiKeyResource#issue"))
                .body("[1].after", nullValue());
    }

    @Test
    void onlyAnAdminReadsTheLogAndABadParameterIsNamed() {
        given().auth().oauth2(TestTokens.token(Roles.ENGINEER)).get("/api/audit").then().statusCode(403);
        given().queryParam("from", "yesterday").queryParam("limit", 0)
                .get("/api/audit")
                .then().statusCode(400)
                .body("problems", hasItem(startsWith("query parameter 'from'")))
                .body("problems", hasItem("query parameter 'limit': from 1 to 1000"));
    }
}
