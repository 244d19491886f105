package io.tributary.transform.analytics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.local.LocalPostgres;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;
import io.tributary.transform.CatalogFixtures;
import io.tributary.transform.apply.Delivery;
import io.tributary.transform.apply.RecordApplier;

/**
 * What the analysts' PostgreSQL role reads (decision 0050): the views of the curated tables, with the columns the
 * serving service masks for an analyst masked, for a pipeline declared after the role and after its contract
 * classifies another field; never the curated tables or the catalog.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class AnalystViewsTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String READ_ONLY_TRANSACTION = "25006";
    private static final String ANALYST_PASSWORD = "analyst-password";
    private static final String LINES = """
            - {name: line_id, logicalType: string, required: true, primaryKey: true, primaryKeyPosition: 1}
            - {name: order_id, logicalType: string}
            - {name: email, logicalType: string, classification: personal}
            - {name: product, logicalType: string}
            - {name: state, logicalType: string%s}
            - {name: ordered_on, logicalType: date}
            - {name: sales, logicalType: number}
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RecordApplier applier;

    private CatalogFixtures catalog;
    private String name;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.STEWARD);
    }

    /** The analysts' role, made after the service started, and granted as every migration grants it. */
    @BeforeEach
    void analystRole() throws SQLException {
        catalog = new CatalogFixtures(dataSource);
        name = "lines_" + System.nanoTime() % 1_000_000_000L;
        catalog.execute("do $$ begin if not exists (select from pg_roles where rolname = 'tributary_analyst') then "
                + "create role tributary_analyst login password '" + ANALYST_PASSWORD + "'; end if; end $$");
        Flyway.configure().dataSource(url(), LocalPostgres.USER, LocalPostgres.PASSWORD).schemas("catalog")
                .locations("classpath:db/migration")
                .outOfOrder(true).load().migrate();
    }

    @Test
    void analystsReadAPipelineDeclaredAfterTheirRoleWithItsPersonalColumnsMasked() throws Exception {
        CatalogFixtures.Dataset d = declare("");
        apply(d, line(d, "1", "A1", "ann@example.com", "chair", "CA", "10"),
                line(d, "2", "A1", null, "desk", "CA", "20"),
                line(d, "3", "B1", "bob@example.com", "chair", "NY", "5"));

        try (Connection analyst = analyst(); Statement s = analyst.createStatement()) {
            Map<String, Map<String, Object>> rows = rows(s, "select * from analytics." + name, "line_id");
            assertEquals("***", rows.get("1").get("email"));
            assertNull(rows.get("2").get("email"));
            assertEquals("CA", rows.get("1").get("state"));
            assertEquals("chair", rows.get("1").get("product"));
            assertEquals(0, new BigDecimal("10").compareTo((BigDecimal) rows.get("1").get("sales")));
            // the record as it came holds the e-mail address too
            assertEquals("***", rows.get("1").get("_input"));
            assertEquals("***", rows.get("1").get("_hash"));
            assertEquals("curated", rows.get("1").get("_status"));

            Map<String, Map<String, Object>> sums = rows(s, "select state, email, sales, _lines from analytics."
                    + name + "_agg where email <> '***'", "state");
            assertEquals(Map.of(), sums, "an e-mail address in the aggregate's dimension");
            sums = rows(s, "select state, sum(sales) as sales from analytics." + name + "_agg group by state",
                    "state");
            assertEquals(0, new BigDecimal("30").compareTo((BigDecimal) sums.get("CA").get("sales")));

            // the customers are e-mail addresses; lines without one are not among their purchases
            Map<String, Map<String, Object>> bought = rows(s, "select customer || '/' || product as line, "
                    + "count(*) as customers from analytics." + name + "_customer_products group by 1", "line");
            assertEquals(Set.of("***/chair"), bought.keySet());
            assertEquals(2L, ((Number) bought.get("***/chair").get("customers")).longValue());
            Map<String, Map<String, Object>> pairs = rows(s, "select product || '/' || other_product as pair "
                    + "from analytics." + name + "_co_purchases", "pair");
            assertEquals(Set.of("chair/desk", "desk/chair"), pairs.keySet());
        }
    }

    @Test
    void aFieldTheContractClassifiesLaterIsMaskedInTheViews() throws Exception {
        CatalogFixtures.Dataset d = declare("");
        apply(d, line(d, "1", "A1", "ann@example.com", "chair", "CA", "10"));
        try (Connection analyst = analyst(); Statement s = analyst.createStatement()) {
            assertEquals("CA", rows(s, "select * from analytics." + name, "line_id").get("1").get("state"));
        }

        catalog.dataset(name, "UTC", LINES.formatted(", classification: restricted"));

        try (Connection analyst = analyst(); Statement s = analyst.createStatement()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertEquals("***", rows(s, "select * from analytics." + name, "line_id").get("1").get("state"));
                assertEquals("***", rows(s, "select * from analytics." + name + "_agg", "_lines").values()
                        .iterator().next().get("state"));
            });
            assertEquals("chair", rows(s, "select * from analytics." + name, "line_id").get("1").get("product"));
        }
    }

    @Test
    void analystsReadNeitherTheCuratedTablesNorTheCatalogAndTheirSessionsStayReadOnlyAndTimed() throws Exception {
        CatalogFixtures.Dataset d = declare("");
        apply(d, line(d, "1", "A1", "ann@example.com", "chair", "CA", "10"));
        catalog.execute("analyze curated." + name);

        try (Connection analyst = analyst(); Statement s = analyst.createStatement()) {
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select email from curated." + name);
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select * from curated." + name + "_agg");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select document from catalog.contract_version");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select count(*) from catalog.quarantined_record");
            // nor the planner's statistics of the curated columns, which hold their most common values
            assertEquals(Map.of(), rows(s, "select attname from pg_stats where schemaname = 'curated' and tablename = '"
                    + name + "'", "attname"));
            assertRefused(READ_ONLY_TRANSACTION, s, "create temporary table analyst_own (x int)");
            s.execute("set session characteristics as transaction read write");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "delete from analytics." + name);
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "create view analytics.own as select 1");
            try (ResultSet timeout = s.executeQuery("show statement_timeout")) {
                timeout.next();
                assertEquals("1min", timeout.getString(1));
            }
        }
    }

    private CatalogFixtures.Dataset declare(String stateClassification) throws SQLException {
        CatalogFixtures.Dataset d = catalog.dataset(name, "UTC", LINES.formatted(stateClassification));
        CatalogFixtures.declare("""
                name: %s
                dataset: %s
                eventTime: ordered_on
                aggregate:
                  dimensions: [state, email]
                  measures: [sales]
                features: {customer: email, order: order_id, product: product}
                """.formatted(name, name));
        return d;
    }

    private void apply(CatalogFixtures.Dataset d, RecordEvent... events) throws SQLException {
        String topic = "test-" + UUID.randomUUID();
        List<Delivery> deliveries = new ArrayList<>();
        for (RecordEvent event : events) {
            deliveries.add(new Delivery(topic, 0, deliveries.size(), event));
        }
        applier.apply(topic, deliveries);
    }

    private static RecordEvent line(CatalogFixtures.Dataset d, String id, String order, String email, String product,
            String state, String sales) {
        return d.record(id, "line_id", id, "order_id", order, "email", email, "product", product, "state", state,
                "ordered_on", "2024-03-01", "sales", new BigDecimal(sales));
    }

    private static Map<String, Map<String, Object>> rows(Statement s, String sql, String key) throws SQLException {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        try (ResultSet result = s.executeQuery(sql)) {
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.put(String.valueOf(row.get(key)), row);
            }
        }
        return rows;
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static Connection analyst() throws SQLException {
        return DriverManager.getConnection(url(), AnalyticsViews.READER, ANALYST_PASSWORD);
    }

    private static void assertRefused(String sqlState, Statement s, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals(sqlState, e.getSQLState(), sql + ": " + e.getMessage());
    }
}
