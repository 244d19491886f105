package io.tributary.ingestion.review;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.awaitStatus;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tributary.catalog.event.Channels;
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
class DriftAndReviewTest {

    private static final String HEADER = "Row ID,Order ID,Order Date,Region,Sales\n";
    private static final String ROWS = "1,A,1/5/2024,West,10\n2,A,1/5/2024,East,20\n3,B,1/6/2024,West,30\n"
            + "4,C,1/6/2024,South,40\n5,D,1/7/2024,East,50\n6,D,1/7/2024,West,60\n";

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
    void holdsBatchWhoseRequiredColumnWasRenamedAndReplaysItWithSuggestedMapping() {
        String source = registerSource("sales");
        awaitCompleted(upload(source, HEADER + ROWS));
        String renamed = upload(source, HEADER.replace("Sales", "Revenue") + ROWS.replace(",A,", ",X,"));
        awaitStatus(renamed, "AWAITING_REVIEW")
                .body("holdReason", containsString("'Revenue' looks like 'Sales'"))
                .body("drift.renamed[0].expected", is("Sales"))
                .body("drift.renamed[0].found", is("Revenue"))
                .body("drift.renamed[0].evidence", hasItem(containsString("it stands where 'Sales' stood")))
                .body("accepted", is(0));

        review(renamed, Map.of("action", "accept-suggestion")).statusCode(202);
        awaitCompleted(renamed).body("accepted", is(6)).body("quarantined", is(0));
        given().get("/api/sources/" + source).then().body("columnAliases.Revenue", is("Sales"));
    }

    @Test
    void suggestsColumnRenamedInPlaceFromItsPlaceAndValuesAndAcceptsTheSuggestion() {
        fixtures.contract("ledger", "/contracts/ledger.yaml");
        String shop = registerSource("ledger");
        awaitCompleted(upload(shop, "Row ID,Region,Sales\n1,West,10.50\n2,East,20.25\n3,West,30\n4,South,41.10\n"));
        String till = registerSource("ledger");
        String renamed = upload(till, "Row ID,Region,Revenue\n5,West,12.75\n6,East,22\n7,South,35.20\n8,West,19.90\n");
        awaitStatus(renamed, "AWAITING_REVIEW")
                .body("holdReason", containsString("'Revenue' looks like 'Sales'"))
                .body("drift.renamed[0].expected", is("Sales"))
                .body("drift.renamed[0].found", is("Revenue"))
                .body("drift.renamed[0].score", greaterThanOrEqualTo(0.7f))
                .body("drift.renamed[0].evidence", hasItem("it stands where 'Sales' stood in the header of schema "
                        + "version 1 (last, after 'Region')"))
                .body("drift.renamed[0].evidence", hasItem("all 4 sampled values read as number, the type of 'Sales'"))
                .body("drift.renamed[0].evidence", hasItem("its values lie within the range of past 'Sales' values "
                        + "(10.50 to 41.10)"));

        review(renamed, Map.of("action", "accept-suggestion")).statusCode(202);
        awaitCompleted(renamed).body("accepted", is(4)).body("quarantined", is(0));
        given().get("/api/sources/" + till).then().body("columnAliases.Revenue", is("Sales"));
    }

    @Test
    void acceptsAddedColumnsAndReportsThemDropped() {
        String source = registerSource("sales");
        String batch = upload(source, HEADER.replace("\n", ",Channel,Note\n") + ROWS.replace("\n", ",Web,x\n"));
        awaitCompleted(batch)
                .body("accepted", is(6))
                .body("droppedFields", is(2))
                .body("drift.added", hasItem("Channel"))
                .body("fields", hasItem("Note"));
    }

    @Test
    void holdsBatchWhoseDatesChangedFormatInsteadOfMisreadingThem() {
        String source = registerSource("sales");
        String batch = upload(source, HEADER + ROWS.replace("1/5/2024", "2024-01-05").replace("1/6/2024", "2024-01-06")
                .replace("1/7/2024", "2024-01-07"));
        awaitStatus(batch, "AWAITING_REVIEW")
                .body("drift.formatChanged[0].property", is("order_date"))
                .body("drift.formatChanged[0].detectedFormat", is("yyyy-MM-dd"))
                .body("drift.formatChanged[0].example", is("2024-01-05"));
        review(batch, Map.of("action", "accept-suggestion")).statusCode(202);
        awaitCompleted(batch).body("accepted", is(6));
    }

    @Test
    void holdsBatchOverQuarantineThresholdWholeAndAlerts() {
        String source = registerSource("sales", Map.of("maxQuarantineShare", 0.25));
        String batch = upload(source, HEADER + ROWS.replace("West", ""));
        awaitStatus(batch, "AWAITING_REVIEW")
                .body("holdReason", containsString("3 of 6 records (50%) fail the contract"))
                .body("holdReason", containsString("threshold of 25%"));
        given().queryParam("batch", batch).get("/api/quarantine").then().body("size()", is(0));
        assertEquals(1, IngestionApi.consume(Channels.ALERTS, new StringDeserializer(),
                r -> batch.equals(r.key()) || r.value().contains("\"subject\":\"" + batch + "\""), 1).size(),
                "alert for the held batch");

        review(batch, Map.of("action", "release")).statusCode(202);
        awaitCompleted(batch).body("accepted", is(3)).body("quarantined", is(3));
    }

    @Test
    void setsRejectedBatchAsideAndRefusesToReviewItAgain() {
        String source = registerSource("sales");
        String batch = upload(source, HEADER.replace("Region,", "") + ROWS.replace("West,", "").replace("East,", "")
                .replace("South,", ""));
        awaitStatus(batch, "AWAITING_REVIEW").body("drift.missingRequired", hasItem("Region"));
        review(batch, Map.of("action", "reject")).statusCode(202).body("status", is("REJECTED"));
        review(batch, Map.of("action", "replay")).statusCode(409).body("detail", containsString("REJECTED"));
        review(batch, Map.of("action", "shrug")).statusCode(400).body("problems[0]", containsString("action"));
    }

    @Test
    void answersSameFileUploadedAgainWithEarlierBatchUnlessForced() {
        String source = registerSource("sales");
        String first = upload(source, HEADER + ROWS);
        given().contentType("text/csv").body(HEADER + ROWS)
                .post("/api/sources/" + source + "/files")
                .then().statusCode(200)
                .header("Tributary-Duplicate-Of", first)
                .body("id", is(first));
        given().contentType("text/csv").body(HEADER + ROWS)
                .post("/api/sources/" + source + "/files?force=true")
                .then().statusCode(202)
                .body("id", notNullValue());
    }

    @Test
    void updatesDisablesAndEnablesSource() {
        String source = registerSource("sales");
        given().contentType(ContentType.JSON)
                .body(Map.of("dataset", "sales", "format", "CSV", "timeZone", "Asia/Kolkata",
                        "columnAliases", Map.of("Umsatz", "Sales")))
                .put("/api/sources/" + source)
                .then().statusCode(200)
                .body("timeZone", is("Asia/Kolkata"))
                .body("columnAliases.Umsatz", is("Sales"));
        given().post("/api/sources/" + source + "/disable").then().statusCode(200).body("enabled", is(false));
        given().contentType("text/csv").body(HEADER + ROWS).post("/api/sources/" + source + "/files")
                .then().statusCode(409)
                .body("detail", containsString("disabled"));
        given().post("/api/sources/" + source + "/enable").then().statusCode(200).body("enabled", is(true));
        awaitCompleted(upload(source, HEADER.replace("Sales", "Umsatz") + ROWS)).body("accepted", is(6));
    }

    @Test
    void replaysQuarantinedRecordsAgainstTheNewContractVersion() {
        fixtures.contract("orders", "/contracts/orders-strict.yaml");
        String source = registerSource("orders");
        String batch = upload(source, "Row ID,Ship Mode,Sales\n1,First,10\n2,,20\n3,Second,x\n4,Same Day,40\n"
                + "5,First,50\n6,First,60\n");
        awaitCompleted(batch).body("accepted", is(4)).body("quarantined", is(2));
        given().post("/api/quarantine/replay?batch=" + batch)
                .then().statusCode(200)
                .body("replayed", is(2))
                .body("accepted", is(0));

        fixtures.newVersion("orders", "/contracts/orders-relaxed.yaml");
        given().post("/api/quarantine/replay?batch=" + batch)
                .then().statusCode(200)
                .body("replayed", is(2))
                .body("accepted", is(1))
                .body("stillQuarantined", is(1));
        given().get("/api/batches/" + batch).then().body("accepted", is(5)).body("quarantined", is(1));
        given().queryParam("batch", batch).get("/api/quarantine")
                .then().body("size()", is(1)).body("[0].value", is("x"));
        given().post("/api/quarantine/replay").then().statusCode(400);
    }

    @Test
    void refusesUploadOverSizeLimit() throws Exception {
        String source = registerSource("sales");
        // Expect: 100-continue lets the server refuse before the body is sent, as well-behaved clients of large
        // uploads do; without it the refusal races the client's writing.
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/sources/" + source + "/files"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + TestTokens.token(Roles.ENGINEER))
                .version(HttpClient.Version.HTTP_1_1)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(HEADER + "x".repeat(13 * 1024 * 1024)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
    }

    private static io.restassured.response.ValidatableResponse review(String batch, Map<String, Object> decision) {
        return given().contentType(ContentType.JSON).body(decision)
                .post("/api/batches/" + batch + "/review")
                .then();
    }

}
