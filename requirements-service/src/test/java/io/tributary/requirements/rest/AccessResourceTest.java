package io.tributary.requirements.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** Accounts, sign-in and API keys, as an admin, an engineer and the people themselves use them. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class AccessResourceTest {

    private static final String PASSWORD = "correct horse battery";

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ADMIN);
    }

    @Test
    void aPersonSignsInWithTheirPasswordAndTheTokenOpensWhatTheirRolesAllow() {
        String name = createUser(List.of(Roles.ANALYST));
        String token = given().auth().none().contentType(ContentType.JSON)
                .body(Map.of("user", name, "password", PASSWORD))
                .post("/api/auth/token")
                .then().statusCode(200)
                .body("tokenType", is("Bearer"))
                .body("user", is(name))
                .body("roles", is(List.of(Roles.ANALYST)))
                .body("expiresIn", is(3600))
                .extract().path("accessToken");

        given().auth().oauth2(token).get("/api/contracts").then().statusCode(200);
        given().auth().oauth2(token).get("/api/users")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("'" + name + "' (roles: analyst) may not GET /api/users"));
    }

    @Test
    void aStakeholdersTokenNamesTheStakeholderTheyAreAndOpensTheirRequirementsOnly() {
        long dana = RequirementsData.marketing(null);
        long goal = RequirementsData.goal();
        long theirs = RequirementsData.freshnessRequirement(goal, dana, SERVING, 60);
        String name = "stakeholder-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "password", PASSWORD, "roles", List.of(Roles.STAKEHOLDER),
                        "stakeholder", dana))
                .post("/api/users").then().statusCode(201);
        String token = signIn(name, PASSWORD);

        given().auth().oauth2(token).get("/api/requirements").then().statusCode(200).body("id", is(List.of(
                (int) theirs)));
        given().auth().oauth2(token).get("/api/requirements/{id}", theirs).then().statusCode(200);
        given().auth().oauth2(token).get("/api/stakeholders").then().statusCode(403);
    }

    @Test
    void aWrongPasswordAndAnUnknownNameAreRefusedAlike() {
        String name = createUser(List.of(Roles.STEWARD));
        for (Map<String, String> credentials : List.of(Map.of("user", name, "password", "not the password"),
                Map.of("user", "nobody-" + UUID.randomUUID(), "password", PASSWORD))) {
            given().auth().none().contentType(ContentType.JSON).body(credentials)
                    .post("/api/auth/token")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("detail", is("the name or the password is wrong"));
        }
    }

    @Test
    void withoutATokenOrWithAForgedOneTheAnswerIs401AsAProblem() {
        given().auth().none().get("/api/contracts")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", is(401))
                .body("detail", containsString("POST /api/auth/token"));
        String forged = TestTokens.token(Roles.ADMIN);
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA" + forged.substring(forged.lastIndexOf('.')
                + 5);
        given().auth().oauth2(forged).get("/api/contracts")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("the credentials were refused"));
    }

    @Test
    void accountsAreValidatedAndTheirPasswordsNeverShown() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "bad name!", "password", "short", "roles", List.of("producer", "wizard")))
                .post("/api/users")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("problems", hasItem(startsWith("$.name:")))
                .body("problems", hasItem("$.password: at least 12 characters"))
                .body("problems", hasItem(startsWith("$.roles[0]: producer is the role of API keys")))
                .body("problems", hasItem(startsWith("$.roles[1]: unknown role 'wizard'")));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "someone", "password", PASSWORD, "roles", List.of(Roles.STAKEHOLDER)))
                .post("/api/users")
                .then().statusCode(400)
                .body("problems", hasItem(startsWith("$.stakeholder: required with the role stakeholder")));

        String name = createUser(List.of(Roles.ENGINEER));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "password", PASSWORD, "roles", List.of(Roles.ENGINEER)))
                .post("/api/users")
                .then().statusCode(409);
        given().get("/api/users")
                .then().statusCode(200)
                .body("name", hasItem(name))
                .body("password", everyItem(nullValue()))
                .body(not(containsString("$2a$")));
    }

    @Test
    void anAdminChangesRolesAndPasswordsAndAPersonTheirOwn() {
        String name = createUser(List.of(Roles.ANALYST));
        given().contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.ANALYST, Roles.ENGINEER)))
                .put("/api/users/" + name)
                .then().statusCode(200).body("roles", is(List.of(Roles.ANALYST, Roles.ENGINEER)));
        given().contentType(ContentType.JSON).body(Map.of("password", "a new password of an admin"))
                .put("/api/users/" + name + "/password")
                .then().statusCode(200);
        String token = signIn(name, "a new password of an admin");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not it", "newPassword", "the person's own password"))
                .put("/api/auth/password")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "a new password of an admin",
                        "newPassword", "the person's own password"))
                .put("/api/auth/password")
                .then().statusCode(200);
        signIn(name, "the person's own password");

        given().delete("/api/users/" + name).then().statusCode(204);
        given().auth().none().contentType(ContentType.JSON)
                .body(Map.of("user", name, "password", "the person's own password"))
                .post("/api/auth/token").then().statusCode(401);
    }

    @Test
    void anEngineerIssuesAKeyShownOnceListsItWithoutItsSecretAndRevokesIt() {
        TestTokens.signInAs(Roles.ENGINEER);
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "webshop export", "sources", List.of("webshop", "webshop"),
                        "expiresAt", expiry.toString()))
                .post("/api/keys")
                .then().statusCode(201)
                .header("Location", containsString("/api/keys/"))
                .body("key", startsWith("trb_"))
                .body("sources", is(List.of("webshop")))
                .body("expiresAt", is(expiry.toString()))
                .extract().path("id");

        given().get("/api/keys/" + id)
                .then().statusCode(200)
                .body("valid", is(true))
                .body("createdBy", is("engineer-test"))
                .body("key", nullValue());
        given().get("/api/keys").then().statusCode(200).body(not(containsString("trb_")));

        given().delete("/api/keys/" + id)
                .then().statusCode(200)
                .body("valid", is(false))
                .body("revokedBy", is("engineer-test"))
                .body("revokedAt", notNullValue());
    }

    @Test
    void aKeyNeedsSourcesAndAnExpiryWithinAYear() {
        TestTokens.signInAs(Roles.ENGINEER);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "", "sources", List.of(), "expiresAt", "2999-01-01T00:00:00Z"))
                .post("/api/keys")
                .then().statusCode(400)
                .body("problems", hasItem(startsWith("$.name:")))
                .body("problems", hasItem(startsWith("$.sources:")))
                .body("problems", hasItem("$.expiresAt: at most 366 days from now"));
        given().auth().oauth2(TestTokens.token(Roles.STEWARD)).get("/api/keys").then().statusCode(403);
    }

    private static final String SERVING = "{\"type\":\"SERVING\",\"name\":\"/api/metrics/sales?groupBy=region\"}";

    private static String createUser(List<String> roles) {
        String name = "person-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "password", PASSWORD, "roles", roles))
                .post("/api/users")
                .then().statusCode(201)
                .header("Location", containsString("/api/users/" + name))
                .body("name", is(name))
                .body("roles", is(roles))
                .body("password", nullValue());
        return name;
    }

    private static String signIn(String name, String password) {
        return given().auth().none().contentType(ContentType.JSON)
                .body(Map.of("user", name, "password", password))
                .post("/api/auth/token")
                .then().statusCode(200).extract().path("accessToken");
    }
}
