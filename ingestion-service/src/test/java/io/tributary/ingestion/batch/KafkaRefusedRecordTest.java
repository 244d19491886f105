package io.tributary.ingestion.batch;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.acceptedRecordsOf;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/** A record Kafka will never take is quarantined with what Kafka said; the batch's other records go on. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class KafkaRefusedRecordTest {

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @Inject
    CatalogFixtures fixtures;

    @Test
    void quarantinesRecordTooLargeForKafkaAndPublishesTheOthers() {
        fixtures.contract("notes", "/contracts/notes-with-note.yaml");
        String source = registerSource("notes");
        // larger than the producer's largest request (1 MiB by default)
        String huge = "x".repeat(1_200_000);
        String batch = upload(source, "Ship Mode,Sales,Note\nFirst,10,ok\nSecond,20," + huge + "\nThird,30,ok\n");
        awaitCompleted(batch)
                .body("received", is(3))
                .body("accepted", is(2))
                .body("quarantined", is(1));
        given().queryParam("batch", batch).get("/api/quarantine").then()
                .body("[0].line", is(3))
                .body("[0].rule", is("kafka.recordTooLarge"))
                .body("[0].reason", containsString("Kafka refused the record, and would refuse it again"));
        List<String> published = acceptedRecordsOf(UUID.fromString(batch)).stream()
                .map(e -> String.valueOf(e.data().get("ship_mode"))).sorted().toList();
        assertEquals(List.of("First", "Third"), published);
    }
}
