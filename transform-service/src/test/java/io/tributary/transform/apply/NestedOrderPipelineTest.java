package io.tributary.transform.apply;

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
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;

/**
 * The web shop's orders against a nested contract (a customer object, an array of items): each item arrives as its
 * own record, named by path and keyed by its order and position, as ingestion publishes it; a pipeline names the
 * nested fields in its steps and aggregate, and the curated table and the aggregate hold them under those names.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class NestedOrderPipelineTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    @Test
    void curatesEachItemUnderItsKeyAndSumsTheNestedFieldsByCustomer() throws SQLException {
        CatalogFixtures catalog = new CatalogFixtures(dataSource);
        CatalogFixtures.Dataset d = catalog.dataset("web_orders_" + System.nanoTime() % 1_000_000L, "UTC", """
                - {name: order_id, physicalName: orderId, logicalType: string, primaryKey: true}
                - {name: order_date, physicalName: orderDate, logicalType: date, required: true}
                - name: customer
                  logicalType: object
                  properties:
                    - {name: id, logicalType: string, required: true}
                    - {name: segment, logicalType: string}
                - name: items
                  logicalType: array
                  logicalTypeOptions: {minItems: 1}
                  items:
                    logicalType: object
                    properties:
                      - {name: sku, logicalType: string}
                      - {name: sales, logicalType: number}
                      - {name: quantity, logicalType: integer}
                """);
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                eventTime: order_date
                steps:
                  - filter: "customer.segment != 'Internal'"
                  - derive: {unit_price: "items.sales / items.quantity"}
                aggregate: {dimensions: [customer.id], measures: [items.sales, items.quantity]}
                """.formatted(d.name(), d.name()));

        RecordEvent[] items = {
                item(d, "O1|1", "C7", "Consumer", "CHAIR", "120.50", 2),
                item(d, "O1|2", "C7", "Consumer", "DESK", "300", 1),
                item(d, "O2|1", "C8", "Corporate", "LAMP", "20", 1),
                item(d, "O3|1", "C9", "Internal", "LAMP", "20", 1)};
        CatalogFixtures.publish(KafkaBrokerResource.bootstrapServers(), items);

        await().atMost(LIMIT).untilAsserted(() -> assertEquals(4L, ((Number) catalog.single(
                "select count(*) from curated." + d.name())).longValue()));
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> row : catalog.query("select _key, _status, \"customer.id\", \"items.sku\", "
                + "\"items.sales\", unit_price from curated." + d.name())) {
            rows.put((String) row.get("_key"), row);
        }
        // each item its own row, under the identity ingestion gave it from its order and position
        Map<String, Object> chair = rows.get(items[0].id().toString());
        assertEquals("C7", chair.get("customer.id"));
        assertEquals("CHAIR", chair.get("items.sku"));
        assertEquals(0, new BigDecimal("60.25").compareTo((BigDecimal) chair.get("unit_price")));
        assertEquals("DESK", rows.get(items[1].id().toString()).get("items.sku"));
        assertEquals("LAMP", rows.get(items[2].id().toString()).get("items.sku"));
        assertEquals("filtered", rows.get(items[3].id().toString()).get("_status"));

        List<Map<String, Object>> sums = catalog.query("select \"customer.id\", \"items.sales\", \"items.quantity\", "
                + "_lines from curated." + d.name() + "_agg order by 1");
        assertEquals(2, sums.size(), sums::toString);
        assertEquals("C7", sums.get(0).get("customer.id"));
        assertEquals(0, new BigDecimal("420.50").compareTo((BigDecimal) sums.get(0).get("items.sales")));
        assertEquals(0, new BigDecimal("3").compareTo((BigDecimal) sums.get(0).get("items.quantity")));
        assertEquals(2L, ((Number) sums.get(0).get("_lines")).longValue());
        assertEquals("C8", sums.get(1).get("customer.id"));
        assertEquals(0, new BigDecimal("20").compareTo((BigDecimal) sums.get(1).get("items.sales")));
    }

    private static RecordEvent item(CatalogFixtures.Dataset d, String key, String customer, String segment,
            String sku, String sales, int quantity) {
        return d.record(key, "order_id", key.substring(0, key.indexOf('|')), "order_date", "2024-03-01",
                "customer.id", customer, "customer.segment", segment, "items.sku", sku, "items.sales",
                new BigDecimal(sales), "items.quantity", quantity);
    }
}
