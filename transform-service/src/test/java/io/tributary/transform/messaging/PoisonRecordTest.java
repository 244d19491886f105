package io.tributary.transform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;

/** The live consumer given a record PostgreSQL refuses between two good ones. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class PoisonRecordTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    @Test
    void curatesTheRecordsAroundOneThatCannotBeStoredAndQuarantinesIt() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset("poison_" + System.nanoTime() % 1_000_000L, "UTC", """
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

        // a number no numeric column holds, refused by the pipeline; a date beyond PostgreSQL's, refused when stored
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(),
                d.record("1", "id", 1, "day", "2024-05-01", "amount", new BigDecimal("2.50")),
                d.record("2", "id", 2, "day", "2024-05-01", "amount", new BigDecimal("1e200000")),
                d.record("3", "id", 3, "day", "2024-05-01", "amount", new BigDecimal("0.50")),
                d.record("4", "id", 4, "day", "+6000000-01-01", "amount", new BigDecimal("7")),
                d.record("5", "id", 5, "day", "2024-05-02", "amount", new BigDecimal("1")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(3L, catalog.single(
                "select count(*) from curated." + d.name() + " where _status = 'curated'")));
        assertEquals(0, new BigDecimal("4.00").compareTo((BigDecimal) catalog.single("select sum(amount) from curated."
                + d.name() + "_agg")));
        // the pipeline's own refusal has no SQLSTATE; PostgreSQL's is a data exception (class 22)
        List<Map<String, Object>> quarantined = catalog.query("select step, left(sql_state, 2) as class from "
                + "catalog.quarantined_record where stage = 'pipeline:" + d.name() + "' order by step");
        Map<String, Object> input = new HashMap<>();
        input.put("step", "input");
        input.put("class", null);
        assertEquals(List.of(input, Map.of("step", "store", "class", "22")), quarantined);
        assertEquals(List.of(Map.of("received", 5L, "curated", 3L, "failed", 2L)), catalog.query(
                "select received, curated, failed from catalog.pipeline_state where name = '" + d.name() + "'"));
    }
}
