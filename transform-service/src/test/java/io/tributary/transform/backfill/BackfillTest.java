package io.tributary.transform.backfill;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

/** Through the real topic: the live consumer, a first version's backfill from the topic, a new version's from the table. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class BackfillTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BackfillService backfills;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    private void publish(RecordEvent... events) {
        CatalogFixtures.publish(bootstrap, events);
    }

    @Test
    void buildsANewPipelineFromHistoryAndRecomputesItForANewVersionWhileRecordsKeepArriving() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset("history_" + System.nanoTime() % 1_000_000L, "Asia/Kolkata", """
                - {name: id, logicalType: string, required: true, primaryKey: true, primaryKeyPosition: 1}
                - {name: placed_at, logicalType: string}
                - {name: amount, logicalType: number}
                """);
        publish(d.record("1", "id", "1", "placed_at", "2024-03-01T00:10:00", "amount", new BigDecimal("5.5")),
                d.record("2", "id", "2", "placed_at", "2024-03-01T23:50:00", "amount", new BigDecimal("4.5")));
        String pipeline = """
                name: %s
                dataset: %s
                eventTime: placed_at
                steps:
                  - timezone: {field: placed_at}
                %s
                aggregate: {dimensions: [], measures: [amount]}
                """;
        CatalogFixtures.declare(pipeline.formatted(d.name(), d.name(), ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(2).equals(catalog.single(
                "select count(*) from curated." + d.name() + " where _status = 'curated'")));
        // read in Kolkata time, 00:10 local is 18:40 UTC the day before
        assertEquals("2024-02-29T18:40:00Z", catalog.single("select to_char(placed_at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from curated." + d.name() + " where id = '1'"));

        CatalogFixtures.declare(pipeline.formatted(d.name(), d.name(), "  - derive: {doubled: \"amount * 2\"}"));
        publish(d.record("3", "id", "3", "placed_at", "2024-03-02T10:00:00", "amount", new BigDecimal("1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(3).equals(catalog.single(
                "select count(*) from curated." + d.name() + " where doubled is not null")));
        assertEquals(0, new BigDecimal("22").compareTo((BigDecimal) catalog.single("select sum(doubled) from curated."
                + d.name())));
        assertEquals(0, new BigDecimal("11").compareTo((BigDecimal) catalog.single("select sum(amount) from curated."
                + d.name() + "_agg")));
        given().when().get("/api/pipelines/" + d.name()).then().statusCode(200);
    }

    @Test
    void completesABackfillThatAStopOfTheServiceInterrupted() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset("interrupted_" + System.nanoTime() % 1_000_000L, "UTC", """
                - {name: id, logicalType: string, required: true, primaryKey: true, primaryKeyPosition: 1}
                - {name: amount, logicalType: number}
                """);
        publish(d.record("1", "id", "1", "amount", new BigDecimal("2")),
                d.record("2", "id", "2", "amount", new BigDecimal("3")));
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                """.formatted(d.name(), d.name()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(2).equals(catalog.single(
                "select count(*) from curated." + d.name() + " where _status = 'curated'")));
        // as the catalog holds a backfill the service was running when it stopped
        java.util.UUID id = java.util.UUID.randomUUID();
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement insert = c.prepareStatement("insert into catalog.pipeline_backfill "
                        + "(id, pipeline, version, source, status) values (?, ?, 1, 'TABLE', 'RUNNING')")) {
            insert.setObject(1, id);
            insert.setString(2, d.name());
            insert.executeUpdate();
        }

        backfills.resumeInterrupted(null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(Map.of("status",
                "COMPLETED", "rows_done", 2L)), catalog.query(
                        "select status, rows_done from catalog.pipeline_backfill "
                                + "where id = '" + id + "'")));
    }
}
