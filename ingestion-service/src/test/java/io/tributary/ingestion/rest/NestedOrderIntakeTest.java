package io.tributary.ingestion.rest;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.IngestionApi;
import io.tributary.ingestion.batch.RecordEvents;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * The web shop's orders, each with a customer object and an array of items, pushed as NDJSON against a nested
 * contract: each item is a record named by path and keyed by its order and position, at the door and on replay.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class NestedOrderIntakeTest {

    private static final String ORDERS = """
            {"orderId":"O1","orderDate":"2024-03-01","customer":{"id":"C7","segment":"Consumer"},\
            "items":[{"sku":"CHAIR","sales":120.50,"quantity":2},{"sku":"DESK","sales":300,"quantity":1}]}
            {"orderId":"O2","orderDate":"2024-03-02","customer":{"id":"C8"},\
            "items":[{"sku":"LAMP","sales":20,"quantity":1},{"sku":"LAMP","sales":-5,"quantity":-1}]}
            {"orderId":"O3","orderDate":"2024-03-02","customer":{"id":"C9"},"items":[]}
            """;

    @Inject
    CatalogFixtures fixtures;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @Test
    void acceptsEachItemOfAnOrderAsARecordNamedByPathAndKeyedByOrderAndPosition() {
        String dataset = "web_orders_" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.contract(dataset, "/contracts/web-orders.yaml");
        String source = registerSource(dataset, Map.of("format", "NDJSON"));
        String batch = given().contentType("application/x-ndjson").body(ORDERS.getBytes(StandardCharsets.UTF_8))
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200)
                .body("status", is("COMPLETED"))
                .body("received", is(5))
                .body("accepted", is(3))
                .body("quarantined", is(2))
                .body("duplicates", is(0))
                .extract().path("id");

        List<RecordEvent> accepted = IngestionApi.acceptedRecordsOf(UUID.fromString(batch)).stream()
                .sorted(Comparator.comparing(RecordEvent::subject)).toList();
        assertEquals(List.of("O1|1", "O1|2", "O2|1"), accepted.stream().map(RecordEvent::subject).toList());
        Map<String, Object> chair = accepted.get(0).data();
        assertEquals("C7", chair.get("customer.id"));
        assertEquals("Consumer", chair.get("customer.segment"));
        assertEquals("CHAIR", chair.get("items.sku"));
        assertEquals(0, new BigDecimal("120.50").compareTo(new BigDecimal(chair.get("items.sales").toString())));
        assertEquals("2024-03-01", chair.get("order_date"));
        assertEquals(RecordEvents.id(source, "O1|2"), accepted.get(1).id(), "the identity of an item is its key's");

        given().queryParam("batch", batch).queryParam("rule", "minimum").get("/api/quarantine")
                .then().statusCode(200)
                .body("size()", is(1))
                .body("[0].field", is("items.sales"))
                .body("[0].line", is(2))
                .body("[0].item", is(2))
                .body("[0].raw", is("{\"orderId\":\"O2\",\"orderDate\":\"2024-03-02\",\"customer\":{\"id\":\"C8\"},"
                        + "\"items\":[{\"sku\":\"LAMP\",\"sales\":-5,\"quantity\":-1}]}"));
        given().queryParam("batch", batch).queryParam("rule", "minItems").get("/api/quarantine")
                .then().body("size()", is(1)).body("[0].field", is("items")).body("[0].line", is(3));

        // refunds become valid: the quarantined item is published as the second item of its order
        fixtures.newVersion(dataset, "/contracts/web-orders-refunds.yaml");
        given().queryParam("batch", batch).queryParam("rule", "minimum").post("/api/quarantine/replay")
                .then().statusCode(200).body("replayed", is(1)).body("accepted", is(1));
        RecordEvent refund = IngestionApi.acceptedRecordsOf(UUID.fromString(batch)).stream()
                .filter(e -> e.subject().startsWith("O2|2")).findFirst().orElseThrow();
        assertEquals("O2|2", refund.subject());
        assertEquals(RecordEvents.id(source, "O2|2"), refund.id());
        assertEquals(-1L, ((Number) refund.data().get("items.quantity")).longValue());
    }
}
