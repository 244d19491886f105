package io.tributary.transform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

/** The live consumer through a restart of Kafka and through PostgreSQL dropping every connection mid-stream. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class OutageTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    private CatalogFixtures catalog;

    private CatalogFixtures.Dataset declared(String base) throws SQLException {
        catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset(base + "_" + System.nanoTime() % 1_000_000L, "UTC", """
                - {name: id, logicalType: integer, required: true, primaryKey: true, primaryKeyPosition: 1}
                - {name: day, logicalType: date}
                - {name: amount, logicalType: number}
                """);
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                eventTime: day
                aggregate: {dimensions: [], measures: [amount]}
                """.formatted(d.name(), d.name()));
        return d;
    }

    private static RecordEvent[] records(CatalogFixtures.Dataset d, int from, int to) {
        RecordEvent[] events = new RecordEvent[to - from];
        for (int i = from; i < to; i++) {
            events[i - from] = d.record(Integer.toString(i), "id", i, "day", "2024-05-01", "amount",
                    new BigDecimal("0.01"));
        }
        return events;
    }

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    private void awaitTotal(CatalogFixtures.Dataset d, long lines, String amount) {
        // the pool may still hold a connection the outage closed: its first use fails, the next check takes another
        await().atMost(LIMIT).ignoreExceptionsInstanceOf(SQLException.class).untilAsserted(() -> {
            assertEquals(lines, ((Number) catalog.single("select coalesce(sum(_lines), 0)::bigint from curated."
                    + d.name() + "_agg")).longValue(), () -> diagnosis(d));
            assertEquals(0, new BigDecimal(amount).compareTo((BigDecimal) catalog.single(
                    "select sum(amount) from curated." + d.name() + "_agg")));
        });
    }

    private String diagnosis(CatalogFixtures.Dataset d) {
        try {
            return "rows " + catalog.query("select _status, count(*) from curated." + d.name() + " group by 1")
                    + " state " + catalog.query("select * from catalog.pipeline_state where name = '" + d.name() + "'")
                    + " offsets " + catalog.query("select * from catalog.consumer_offset");
        } catch (SQLException e) {
            return e.toString();
        }
    }

    @Test
    void resumesAfterKafkaRestartsWithoutLosingOrRepeatingARecord() throws SQLException {
        CatalogFixtures.Dataset d = declared("kafka_restart");
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(d, 0, 50));
        awaitTotal(d, 50, "0.50");
        KafkaBrokerResource.stopBroker();
        KafkaBrokerResource.startBroker();
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(d, 50, 100));
        awaitTotal(d, 100, "1.00");
    }

    @Test
    void appliesEveryRecordOnceWhilePostgresDropsItsConnections() throws Exception {
        CatalogFixtures.Dataset d = declared("pg_drops");
        Thread publisher = new Thread(() -> {
            for (int batch = 0; batch < 20; batch++) {
                CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), records(d, batch * 100,
                        batch * 100 + 100));
            }
        });
        publisher.start();
        try (Connection admin = dataSource.getConnection(); Statement statement = admin.createStatement()) {
            for (int i = 0; i < 20; i++) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = "
                        + "current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'");
                Thread.sleep(100);
            }
        }
        publisher.join();
        awaitTotal(d, 2000, "20.00");
    }
}
