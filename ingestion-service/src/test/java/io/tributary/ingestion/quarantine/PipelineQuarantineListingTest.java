package io.tributary.ingestion.quarantine;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.repository.QuarantineRepository;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/** The platform's quarantine lists what a transform pipeline quarantined beside what the door did. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class PipelineQuarantineListingTest {

    @Inject
    QuarantineRepository quarantine;
    @Inject
    CatalogFixtures fixtures;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @Test
    void listsARecordAPipelineCouldNotStoreWithItsPipelineStepAndSqlState() {
        fixtures.contract("sales", "/contracts/sales.yaml");
        String batchId = upload(registerSource("sales"), "Row ID,Order ID,Order Date,Region,Sales\r\n"
                + "1,CA-1,1/5/2024,West,12.50\r\n");
        awaitCompleted(batchId);
        UUID batch = UUID.fromString(batchId);
        String dataset = "sales";
        // as the transform service stores a record whose row PostgreSQL refused
        QuarkusTransaction.requiringNew().run(() -> {
            QuarantinedRecordEntity entry = new QuarantinedRecordEntity();
            entry.batchId = batch;
            entry.dataset = dataset;
            entry.position = 3;
            entry.rule = "pipeline.sales";
            entry.reason = "pipeline sales v1, store: its row could not be stored: date/time field value out of range";
            entry.raw = "{\"day\":\"+6000000-01-01\"}";
            entry.stage = "pipeline:sales";
            entry.step = "store";
            entry.sqlState = "22008";
            quarantine.persist(entry);
        });

        given().queryParam("batch", batchId).get("/api/quarantine").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].stage", is("pipeline:sales"))
                .body("[0].step", is("store"))
                .body("[0].sqlState", is("22008"))
                .body("[0].line", is(3));
    }
}
