package io.tributary.ingestion.rest;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.security.ApiKeyStore;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/** A producer's API key pushes to its own sources, and to nothing else, while it is valid. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class ProducerKeyTest {

    private static final String EVENT = """
            {"Row ID": 1, "Order ID": "WEB-1", "Order Date": "3/1/2024", "Region": "West", "Sales": 1}""";
    private static final String CSV = "Row ID,Order ID,Order Date,Region,Sales\n1,WEB-2,3/1/2024,East,2\n";

    @Inject
    CatalogFixtures fixtures;

    @Inject
    ApiKeyStore keys;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @BeforeEach
    void storeContract() {
        fixtures.contract("sales", "/contracts/sales.yaml");
    }

    @Test
    void aKeyPushesEventsAndFilesToItsOwnSource() {
        String own = registerSource("sales", Map.of("format", "JSON"));
        String key = issue(List.of(own), Instant.now().plus(1, ChronoUnit.DAYS));
        given().auth().oauth2(key).contentType("application/json").body(EVENT)
                .post("/api/sources/" + own + "/events")
                .then().statusCode(200).body("accepted", is(1));
        String files = registerSource("sales");
        String both = issue(List.of(own, files), Instant.now().plus(1, ChronoUnit.DAYS));
        given().auth().oauth2(both).contentType("text/csv").body(CSV)
                .post("/api/sources/" + files + "/files")
                .then().statusCode(202);
    }

    @Test
    void aKeyOnASourceNotItsOwnIs403BeforeItsBodyIsRead() {
        String own = registerSource("sales", Map.of("format", "JSON"));
        String other = registerSource("sales", Map.of("format", "JSON"));
        String key = issue(List.of(own), Instant.now().plus(1, ChronoUnit.DAYS));
        given().auth().oauth2(key).contentType("application/json").body(EVENT)
                .post("/api/sources/" + other + "/events")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("problems[0]", containsString("'" + other + "' is not one of [" + own + "]"));
        given().auth().oauth2(key).contentType("text/csv").body(CSV)
                .post("/api/sources/" + other + "/files")
                .then().statusCode(403);
        given().get("/api/sources/" + other + "/batches").then().statusCode(200).body("size()", is(0));
    }

    @Test
    void aKeyReadsNothingAndChangesNothingElse() {
        String own = registerSource("sales", Map.of("format", "JSON"));
        String key = issue(List.of(own), Instant.now().plus(1, ChronoUnit.DAYS));
        given().auth().oauth2(key).get("/api/sources/" + own).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(key).post("/api/sources/" + own + "/disable").then().statusCode(403);
        given().auth().oauth2(key).get("/api/quarantine").then().statusCode(403);
    }

    @Test
    void aRevokedExpiredOrUnknownKeyIs401() {
        String own = registerSource("sales", Map.of("format", "JSON"));
        ApiKeyStore.Issued revoked = keys.issue("revoked", List.of(own), Instant.now().plus(1, ChronoUnit.DAYS),
                "test");
        keys.revoke(revoked.key().id(), "test");
        String expired = issue(List.of(own), Instant.now().plusMillis(300));
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String valid = issue(List.of(own), Instant.now().plus(1, ChronoUnit.DAYS));
        String wrongSecret = valid.substring(0, valid.length() - 4) + "AAAA";
        for (String key : List.of(revoked.secret().text(), expired, wrongSecret, "trb_broken")) {
            given().auth().oauth2(key).contentType("application/json").body(EVENT)
                    .post("/api/sources/" + own + "/events")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
    }

    private String issue(List<String> sources, Instant expiresAt) {
        return keys.issue("test producer", sources, expiresAt, "test").secret().text();
    }
}
