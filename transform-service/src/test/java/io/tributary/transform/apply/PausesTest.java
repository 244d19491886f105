package io.tributary.transform.apply;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;

/** Through the live consumer: a pipeline whose contract changes under it pauses, then catches up what it missed. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class PausesTest {

    private static final String WITH_AMOUNT = """
            - {name: id, logicalType: integer, required: true, primaryKey: true, primaryKeyPosition: 1}
            - {name: amount, logicalType: number}
            """;
    private static final String WITHOUT_AMOUNT = """
            - {name: id, logicalType: integer, required: true, primaryKey: true, primaryKeyPosition: 1}
            """;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    private static RecordEvent record(CatalogFixtures.Dataset d, int id, String amount) {
        return d.record(Integer.toString(id), "id", id, "amount", new BigDecimal(amount));
    }

    @Test
    void pausesAPipelineItsNewContractBreaksAndAppliesWhatItMissedWhenItFitsAgain() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset("paused_" + System.nanoTime() % 1_000_000L, "UTC", WITH_AMOUNT);
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                steps:
                  - derive: {doubled: "amount * 2"}
                """.formatted(d.name(), d.name()));
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), record(d, 1, "1"), record(d, 2, "2"));
        await().atMost(LIMIT).until(() -> Long.valueOf(2).equals(catalog.single("select count(*) from curated."
                + d.name() + " where _status = 'curated'")));

        // a new contract drops the field the pipeline derives from: its version no longer compiles
        catalog.dataset(d.name(), "UTC", WITHOUT_AMOUNT);
        await().atMost(LIMIT).untilAsserted(() -> given().get("/api/pipelines/" + d.name()).then()
                .body("problems[0]", containsString("amount")));
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), record(d, 3, "3"));
        await().atMost(LIMIT).untilAsserted(() -> given().get("/api/pipelines/" + d.name()).then()
                .body("paused.since", notNullValue())
                .body("paused.reason", containsString("amount"))
                .body("paused.resumeTopic", is("tributary-records-accepted." + d.name()))
                .body("paused.resumeFrom", notNullValue()));
        assertEquals(2L, catalog.single("select count(*) from curated." + d.name()));

        // the contract fits again: record 3, which came while it was paused, is applied without any other arriving
        catalog.dataset(d.name(), "UTC", WITH_AMOUNT);
        await().atMost(LIMIT).until(() -> Long.valueOf(3).equals(catalog.single("select count(*) from curated."
                + d.name() + " where _status = 'curated'")));
        given().get("/api/pipelines/" + d.name()).then().body("paused", nullValue()).body("problems.size()", is(0));
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), record(d, 4, "4"));
        await().atMost(LIMIT).until(() -> Long.valueOf(4).equals(catalog.single("select count(*) from curated."
                + d.name() + " where _status = 'curated'")));
        assertEquals(0, new BigDecimal("20").compareTo((BigDecimal) catalog.single("select sum(doubled) from curated."
                + d.name())));
    }
}
