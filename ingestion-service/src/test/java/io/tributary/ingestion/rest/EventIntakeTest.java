package io.tributary.ingestion.rest;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEventDeserializer;
import io.tributary.catalog.problem.Problem;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.IngestionApi;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class EventIntakeTest {

    private static final String EVENT = """
            {"Row ID": %d, "Order ID": "WEB-1", "Order Date": "3/1/2024", "Region": "%s", "Sales": %s}""";

    @Inject
    CatalogFixtures fixtures;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @BeforeEach
    void storeContract() {
        fixtures.contract("sales", "/contracts/sales.yaml");
    }

    @Test
    void acknowledgesPushedEventsOnceTheyAreInKafka() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        String batch = given().contentType("application/json")
                .body("[" + EVENT.formatted(1, "West", "10.50") + "," + EVENT.formatted(2, "", "3") + ","
                        + EVENT.formatted(3, "East", "7.25") + "]")
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200)
                .body("status", is("COMPLETED"))
                .body("received", is(3))
                .body("accepted", is(2))
                .body("quarantined", is(1))
                .extract().path("id");
        assertEquals(2, IngestionApi.consume(Channels.acceptedRecordsOf("sales"), new RecordEventDeserializer(),
                r -> r.value().tributarybatch().equals(UUID.fromString(batch)), 2).size());
        given().queryParam("batch", batch).get("/api/quarantine")
                .then().body("[0].rule", is("required")).body("[0].field", is("region"));
    }

    @Test
    void takesOneObjectAndNdjson() {
        String json = registerSource("sales", Map.of("format", "JSON"));
        given().contentType("application/json").body(EVENT.formatted(11, "South", "1"))
                .post("/api/sources/" + json + "/events")
                .then().statusCode(200).body("accepted", is(1));
        String ndjson = registerSource("sales", Map.of("format", "NDJSON"));
        given().contentType("application/x-ndjson")
                .body((EVENT.formatted(12, "South", "1") + "\n[1]\n" + EVENT.formatted(13, "West", "2") + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/sources/" + ndjson + "/events")
                .then().statusCode(200)
                .body("received", is(3))
                .body("accepted", is(2))
                .body("quarantined", is(1));
    }

    @Test
    void refusesBodyThatIsNotJsonWithWhereAndWhyAndMakesNoBatch() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        given().contentType("application/json").body("[1 true]")
                .post("/api/sources/" + source + "/events")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("problems[0]", startsWith("line 1, column 4: "));
        given().get("/api/sources/" + source + "/batches").then().body("size()", is(0));
    }

    @Test
    void refusesNdjsonNamingEachLineThatIsNotJson() {
        String source = registerSource("sales", Map.of("format", "NDJSON"));
        given().contentType("application/x-ndjson")
                .body((EVENT.formatted(21, "South", "1") + "\n{not json}\n" + EVENT.formatted(22, "West", "2") + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(400)
                .body("problems.size()", is(1))
                .body("problems[0]", startsWith("line 2, column 2: "));
    }

    @Test
    void quarantinesEventWithHalfASurrogatePairInAKey() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        String event = EVENT.formatted(31, "West", "1");
        String batch = given().contentType("application/json")
                .body("[" + event + ", {\"\\ud800\": 1, " + event.substring(1).replace("31", "32") + "]")
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200)
                .body("received", is(2))
                .body("accepted", is(2))
                .extract().path("id");
        given().get("/api/batches/" + batch).then().body("fields", hasItem("\\ud800"));
    }

    @Test
    void refusesEventsForCsvSource() {
        String source = registerSource("sales");
        given().contentType("application/json").body(EVENT.formatted(1, "West", "1"))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(400)
                .body("problems[0]", containsString("takes CSV files"));
    }

    @Test
    void aSourceChangedByAnotherInstanceIsSeenByTheNextPush() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        given().contentType("application/json").body(EVENT.formatted(41, "West", "1"))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200).body("accepted", is(1));

        fixtures.sourceChangedElsewhere(source, "format = 'NDJSON'");

        given().contentType("application/x-ndjson")
                .body((EVENT.formatted(42, "West", "1") + "\n" + EVENT.formatted(43, "East", "2") + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200)
                .body("fileName", is("events.ndjson"))
                .body("received", is(2))
                .body("accepted", is(2));
    }

    @Test
    void aSourceDisabledAndEnabledAgainByAnotherInstanceIsSeenByTheNextPush() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        given().contentType("application/json").body(EVENT.formatted(51, "West", "1"))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200);

        fixtures.sourceChangedElsewhere(source, "enabled = false");
        given().contentType("application/json").body(EVENT.formatted(52, "West", "1"))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(409)
                .body("detail", containsString("is disabled"));
        given().get("/api/sources/" + source + "/batches").then().body("size()", is(1));

        fixtures.sourceChangedElsewhere(source, "enabled = true");
        given().contentType("application/json").body(EVENT.formatted(53, "West", "1"))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200).body("accepted", is(1));
    }

    @Test
    void aNewContractVersionStoredElsewhereChecksTheNextPush() {
        fixtures.contract("sales_revised", "/contracts/sales.yaml");
        String source = registerSource("sales_revised", Map.of("format", "JSON"));
        String first = given().contentType("application/json").body(EVENT.formatted(61, "West", "1"))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200).extract().path("id");
        int version = given().get("/api/batches/" + first).then().extract().path("contractVersion");

        fixtures.newVersion("sales_revised", "/contracts/sales.yaml");

        given().contentType("application/json").body(EVENT.formatted(62, "West", "1"))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200)
                .body("contractVersion", is(version + 1));
    }
}
