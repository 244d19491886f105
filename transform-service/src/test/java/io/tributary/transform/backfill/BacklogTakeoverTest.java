package io.tributary.transform.backfill;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;
import io.tributary.transform.SmallBacklogs;

/** A backlog backfill started again after its build committed: the backlog is neither built nor counted twice. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
@TestProfile(SmallBacklogs.class)
class BacklogTakeoverTest {

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

    @Test
    void readsOnlyTheRecordsAfterTheBacklogWhenStartedAgainAfterItsBuild() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset("again_" + System.nanoTime() % 1_000_000L, "UTC", """
                - {name: id, logicalType: string, required: true, primaryKey: true, primaryKeyPosition: 1}
                - {name: amount, logicalType: number}
                """);
        List<RecordEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(d.record("k" + i, "id", "k" + i, "amount", BigDecimal.valueOf(i)));
        }
        CatalogFixtures.publish(bootstrap, events.toArray(RecordEvent[]::new));
        CatalogFixtures.declare("""
                name: %1$s
                dataset: %1$s
                key: [id]
                """.formatted(d.name()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(catalog.single(
                "select status from catalog.pipeline_backfill where pipeline = '" + d.name() + "'")));
        assertEquals(List.of(Map.of("received", 20L, "curated", 20L)), catalog.query("select received, curated from "
                + "catalog.pipeline_state where name = '" + d.name() + "'"));

        // as the catalog holds the backfill when its instance stopped after the build's commit
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into catalog.pipeline_backfill (id, pipeline, "
                        + "version, source, status, from_topic, from_offsets, built_at) values (?, ?, 1, 'BACKLOG', "
                        + "'RUNNING', ?, '{\"0\": 20}'::jsonb, now())")) {
            insert.setObject(1, id);
            insert.setString(2, d.name());
            insert.setString(3, Channels.acceptedRecordsOf(d.name()));
            insert.executeUpdate();
        }
        backfills.resumeInterrupted(null);

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(catalog.single(
                "select status from catalog.pipeline_backfill where id = '" + id + "'")));
        assertEquals(List.of(Map.of("received", 20L, "curated", 20L)), catalog.query("select received, curated from "
                + "catalog.pipeline_state where name = '" + d.name() + "'"));
        assertEquals(20L, ((Number) catalog.single("select count(*) from curated." + d.name())).longValue());
    }
}
