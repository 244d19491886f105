package io.tributary.transform.backfill;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lease.LeaseLostException;
import io.tributary.catalog.lease.Leases;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;

/**
 * A backfill belongs to the instance holding its lease (decision 33); here the instance that died is a backfill row
 * and a lapsed lease, as it would have left them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class BackfillTakeoverTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BackfillService backfills;
    @Inject
    Leases leases;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    @Test
    void aBackfillWhoseInstanceDiedIsTakenOverAndRunFromItsBeginning() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        String pipeline = curatedPipelineOfThreeKeys(catalog);
        UUID id = UUID.randomUUID();
        // another instance computed a row again, then died
        catalog.execute("insert into catalog.pipeline_backfill (id, pipeline, version, source, status, rows_done) "
                + "values ('" + id + "', '" + pipeline + "', 1, 'TABLE', 'RUNNING', 1)");
        catalog.execute("insert into catalog.work_lease (kind, key, holder, token, acquired_at, expires_at) values "
                + "('backfill', '" + id + "', 'a-dead-instance', gen_random_uuid(), now() - interval '1 minute', "
                + "now() - interval '1 second')");

        backfills.takeOverUnleased();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/pipelines/" + pipeline + "/backfills/" + id).then().statusCode(200)
                .body("status", is("COMPLETED"))
                .body("records", is(3))
                .body("takeovers", is(1)));
        assertEquals(0, new BigDecimal("13").compareTo((BigDecimal) catalog.single("select sum(amount) from curated."
                + pipeline + "_agg")));
    }

    @Test
    void aBackfillAnotherInstanceTookOverIsNotEndedByTheOneThatLostIt() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        String pipeline = curatedPipelineOfThreeKeys(catalog);
        UUID id = UUID.randomUUID();
        catalog.execute("insert into catalog.pipeline_backfill (id, pipeline, version, source, status) values ('"
                + id + "', '" + pipeline + "', 1, 'TABLE', 'RUNNING')");
        Lease lease = leases.acquire(Lease.Kind.BACKFILL, id.toString()).orElseThrow();
        catalog.execute("update catalog.work_lease set holder = 'another-instance', token = gen_random_uuid() "
                + "where kind = 'backfill' and key = '" + id + "'");

        assertThrows(LeaseLostException.class, () -> backfills.complete(lease));

        assertEquals("RUNNING", catalog.single("select status from catalog.pipeline_backfill where id = '" + id + "'"));
        assertThrows(LeaseLostException.class, lease::ensureHeld);
    }

    private static RecordEvent record(CatalogFixtures.Dataset d, String id, BigDecimal amount) {
        return d.record(id, "id", id, "placed_at", "2024-03-01T10:00:00", "amount", amount);
    }

    /** A pipeline whose three keys, 1 to 3, are curated. */
    private String curatedPipelineOfThreeKeys(CatalogFixtures catalog) throws SQLException {
        CatalogFixtures.Dataset d = catalog.dataset("takeover_" + System.nanoTime() % 1_000_000L, "UTC", """
                - {name: id, logicalType: string, required: true, primaryKey: true, primaryKeyPosition: 1}
                - {name: placed_at, logicalType: string}
                - {name: amount, logicalType: number}
                """);
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                eventTime: placed_at
                steps:
                  - timezone: {field: placed_at}
                aggregate: {dimensions: [], measures: [amount]}
                """.formatted(d.name(), d.name()));
        CatalogFixtures.publish(bootstrap, record(d, "1", BigDecimal.ONE), record(d, "2", new BigDecimal("2")),
                record(d, "3", BigDecimal.TEN));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(3).equals(catalog.single(
                "select count(*) from curated." + d.name() + " where _status = 'curated'")));
        return d.name();
    }
}
