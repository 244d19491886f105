package io.tributary.ingestion.batch;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.StringJoiner;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * A push whose fields are those of an earlier push of its source is not checked for drift again; every other push
 * is, and each batch tells the same drift and counts either way.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class PushDriftTest {

    private static final String EVENT = """
            {"Row ID": %d, "Order ID": "WEB-1", "Order Date": "3/1/2024", "Region": "West", "Sales": %s}""";
    private static final String WITH_CHANNEL = """
            {"Row ID": %d, "Order ID": "WEB-1", "Order Date": "3/1/2024", "Region": "West", "Sales": %s, \
            "Channel": "web"}""";

    @Inject
    CatalogFixtures fixtures;

    @Inject
    MeterRegistry meters;

    private long rowId = System.nanoTime() % 1_000_000_000L;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
        fixtures.contract("sales", "/contracts/sales.yaml");
    }

    @Test
    void aPushWithTheRecordedFieldsIsNotCheckedForDriftAgainAndTellsTheSameDrift() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        JsonPath first = push(source, EVENT, 3, "10.5");
        JsonPath second = push(source, EVENT, 3, "4");
        assertEquals(1.0, checks(source, "found"));
        assertEquals(1.0, checks(source, "known"));
        assertEquals(first.getList("fields"), second.getList("fields"));
        assertEquals(first.getMap("drift"), second.getMap("drift"));
        assertEquals(first.getInt("droppedFields"), second.getInt("droppedFields"));
        assertEquals(3, second.getInt("accepted"));
    }

    @Test
    void aPushWhoseFieldsChangeStillHasItsDriftFound() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        push(source, EVENT, 2, "1");
        push(source, EVENT, 2, "1");
        JsonPath changed = push(source, WITH_CHANNEL, 2, "1");
        assertEquals(2.0, checks(source, "found"));
        assertEquals(1.0, checks(source, "known"));
        assertEquals(1, changed.getInt("droppedFields"));
        given().get("/api/batches/" + changed.getString("id")).then()
                .body("drift.added", contains("Channel"))
                .body("fields", hasItem("Channel"));
    }

    @Test
    void aPushWithTheRecordedFieldsWhoseValuesNoLongerFitTheirTypeHasItsDriftFound() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        JsonPath clean = push(source, EVENT, 5, "1");
        JsonPath retyped = push(source, EVENT, 6, "\"n/a\"");
        assertEquals(6, retyped.getInt("quarantined"));
        given().get("/api/batches/" + retyped.getString("id")).then()
                .body("drift.retyped[0].column", is("Sales"))
                .body("drift.retyped[0].failed", is(6));
        given().get("/api/batches/" + clean.getString("id")).then().body("drift.retyped", empty());
    }

    @Test
    void countsOfEveryPushAddUpWhetherItsDriftWasFoundOrKnown() {
        String source = registerSource("sales", Map.of("format", "JSON"));
        for (int i = 0; i < 3; i++) {
            long row = ++rowId;
            String body = "[" + EVENT.formatted(row, "1") + "," + EVENT.formatted(row, "1") + ","
                    + EVENT.formatted(++rowId, "\"x\"") + "," + EVENT.formatted(++rowId, "2") + "]";
            JsonPath batch = given().contentType("application/json").body(body)
                    .post("/api/sources/" + source + "/events")
                    .then().statusCode(200).body("status", is("COMPLETED"))
                    .extract().jsonPath();
            assertEquals(4, batch.getInt("received"));
            assertEquals(2, batch.getInt("accepted"));
            assertEquals(1, batch.getInt("quarantined"));
            assertEquals(1, batch.getInt("duplicates"));
        }
    }

    private JsonPath push(String source, String event, int events, String sales) {
        StringJoiner body = new StringJoiner(",", "[", "]");
        for (int i = 0; i < events; i++) {
            body.add(event.formatted(++rowId, sales));
        }
        return given().contentType("application/json").body(body.toString())
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200).body("status", is("COMPLETED"))
                .extract().jsonPath();
    }

    private double checks(String source, String check) {
        Counter counter = meters.find("tributary.ingestion.push.drift").tags("source", source, "check", check)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
