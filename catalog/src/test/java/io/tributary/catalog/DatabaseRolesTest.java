package io.tributary.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.local.DatabaseRoles;
import io.tributary.local.LocalPostgres;

/**
 * The services' and the analysts' PostgreSQL roles on a real cluster, made as the local run makes them and granted by
 * the catalog's migrations (decision 0047): each role does its job and is refused the rest.
 */
class DatabaseRolesTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String READ_ONLY_TRANSACTION = "25006";
    private static final String INVALID_PASSWORD = "28P01";

    @TempDir
    static Path data;
    private static LocalPostgres postgres;
    private static DatabaseRoles roles;

    @BeforeAll
    static void startPostgresWithRolesAndMigrate() throws SQLException {
        postgres = LocalPostgres.start(data.resolve("postgres"), 0);
        // a catalog of before the roles: its curated table was created by the superuser
        migrate();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement s = c.createStatement()) {
            s.execute("create table curated.sales_before (region text primary key, sales numeric)");
            s.execute("insert into curated.sales_before values ('West', 10)");
        }
        roles = DatabaseRoles.ensure(postgres, data.resolve("keys"));
        migrate();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void servingReadsTheCatalogAndTheCuratedTablesAndWritesOnlyTheAuditLog() throws SQLException {
        try (Connection serving = connect(DatabaseRoles.SERVING); Statement s = serving.createStatement()) {
            s.executeQuery("select count(*) from catalog.source").close();
            s.executeQuery("select count(*) from curated.sales_before").close();
            s.execute("insert into catalog.audit_entry (service, principal, method, path, operation, status, remote) "
                    + "values ('serving-service', 'admin', 'POST', '/x', 'x', 200, '127.0.0.1')");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "insert into catalog.dataset (name) values ('orders')");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "delete from catalog.audit_entry");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "insert into curated.sales_before values ('East', 1)");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "create table curated.serving_own (x int)");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "drop table catalog.source");
        }
    }

    @Test
    void theCatalogKeepersWriteItsRowsButNeitherChangeItsSchemaNorTouchTheCuratedTables() throws SQLException {
        for (String role : new String[]{DatabaseRoles.INGESTION, DatabaseRoles.REQUIREMENTS}) {
            try (Connection c = connect(role); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("insert into catalog.dataset (name) values ('" + role + "')");
                s.execute("delete from catalog.dataset where name = '" + role + "'");
                c.commit();
                c.setAutoCommit(true);
                assertRefused(INSUFFICIENT_PRIVILEGE, s, "alter table catalog.source add column x int");
                assertRefused(INSUFFICIENT_PRIVILEGE, s, "create table catalog.own (x int)");
                assertRefused(INSUFFICIENT_PRIVILEGE, s, "create table curated.own (x int)");
            }
        }
        try (Connection ingestion = connect(DatabaseRoles.INGESTION); Statement s = ingestion.createStatement()) {
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select count(*) from curated.sales_before");
        }
    }

    @Test
    void theTransformOwnsTheCuratedTablesItCreatesAndThoseMadeBeforeTheRoles() throws SQLException {
        try (Connection transform = connect(DatabaseRoles.TRANSFORM); Statement s = transform.createStatement()) {
            s.execute("create table curated.transform_own (id int primary key, amount numeric)");
            s.execute("insert into curated.transform_own values (1, 2.5)");
            s.execute("alter table curated.sales_before add column if not exists note text");
            s.execute("insert into catalog.dataset (name) values ('transform_own') on conflict do nothing");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "alter table catalog.source add column x int");
            s.execute("drop table curated.transform_own");
        }
    }

    @Test
    void analystsReadTheViewsTheTransformMakesAndNeitherTheCuratedTablesNorTheCatalog() throws SQLException {
        try (Connection transform = connect(DatabaseRoles.TRANSFORM); Statement s = transform.createStatement()) {
            s.execute("create table curated.orders_later (id int primary key, email text, region text)");
            s.execute("insert into curated.orders_later values (1, 'ann@example.com', 'West'), (2, null, 'East')");
            // as the transform makes the analysts' views (decision 0050): the personal column masked
            s.execute("create view analytics.orders_later as select id, case when email is null then null "
                    + "else '***' end as email, region from curated.orders_later");
            s.execute("grant select on analytics.orders_later to " + DatabaseRoles.ANALYST);
        }
        try (Connection analyst = connect(DatabaseRoles.ANALYST); Statement s = analyst.createStatement()) {
            try (ResultSet rows = s.executeQuery("select string_agg(coalesce(email, '-') || ' ' || region, ', ' "
                    + "order by id) from analytics.orders_later")) {
                rows.next();
                assertEquals("*** West, - East", rows.getString(1));
            }
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select count(*) from curated.orders_later");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select count(*) from curated.sales_before");
            assertRefused(READ_ONLY_TRANSACTION, s, "create temporary table analyst_own (x int)");
            s.execute("set session characteristics as transaction read write");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "delete from analytics.orders_later");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "create table curated.analyst_own (x int)");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "create view analytics.analyst_own as select 1");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select count(*) from catalog.source");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select count(*) from catalog.audit_entry");
        }
    }

    @Test
    void analystsLoseTheReadsOfTheCuratedTablesThatAnEarlierMigrationGranted() throws SQLException {
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement s = owner.createStatement()) {
            // what the grants of before gave the analysts
            s.execute("grant usage on schema curated to " + DatabaseRoles.ANALYST);
            s.execute("grant select on all tables in schema curated to " + DatabaseRoles.ANALYST);
            s.execute("alter default privileges for role " + DatabaseRoles.TRANSFORM + " in schema curated grant "
                    + "select on tables to " + DatabaseRoles.ANALYST);
        }
        migrate();
        try (Connection transform = connect(DatabaseRoles.TRANSFORM); Statement s = transform.createStatement()) {
            s.execute("create table if not exists curated.made_after_the_revoke (id int)");
        }
        try (Connection analyst = connect(DatabaseRoles.ANALYST); Statement s = analyst.createStatement()) {
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select count(*) from curated.sales_before");
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "select count(*) from curated.made_after_the_revoke");
        }
    }

    @Test
    void analystSessionsStopAStatementAfterTheirTimeout() throws SQLException {
        try (Connection analyst = connect(DatabaseRoles.ANALYST); Statement s = analyst.createStatement()) {
            assertEquals("1min", show(s, "statement_timeout"));
            assertEquals("on", show(s, "default_transaction_read_only"));
            // what the timeout does, on the same session's setting lowered to keep the test short
            s.execute("set statement_timeout = '200ms'");
            assertRefused("57014", s, "select pg_sleep(5)");
        }
    }

    @Test
    void everyRoleButTheSuperuserNeedsItsPassword() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        SQLException refused = null;
        while (refused == null && System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), DatabaseRoles.ANALYST, "wrong")) {
                Thread.sleep(100); // the server may still be reading its new rules
            } catch (SQLException e) {
                refused = e;
            }
        }
        assertTrue(refused != null, "a wrong password was accepted");
        assertEquals(INVALID_PASSWORD, refused.getSQLState());
    }

    @Test
    void aSecondStartKeepsThePasswordsOwnerOnlyAndTheGrants() throws Exception {
        DatabaseRoles again = DatabaseRoles.ensure(postgres, data.resolve("keys"));
        assertEquals(roles.passwords(), again.passwords());
        assertEquals(Set.of(), Set.copyOf(again.created()));
        for (String role : DatabaseRoles.ALL) {
            Path file = DatabaseRoles.passwordFile(data.resolve("keys"), role);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), role);
        }
        assertTrue(!again.toString().contains(again.password(DatabaseRoles.ANALYST)), "no password in a log line");
        migrate();
        try (Connection serving = connect(DatabaseRoles.SERVING); Statement s = serving.createStatement()) {
            s.executeQuery("select count(*) from curated.sales_before").close();
            assertRefused(INSUFFICIENT_PRIVILEGE, s, "insert into catalog.dataset (name) values ('again')");
        }
    }

    private static void migrate() {
        Flyway.configure().dataSource(postgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD)
                .schemas("catalog").locations("classpath:db/migration").outOfOrder(true).load().migrate();
    }

    private static Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), role, roles.password(role));
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet value = s.executeQuery("show " + setting)) {
            value.next();
            return value.getString(1);
        }
    }

    private static void assertRefused(String sqlState, Statement s, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals(sqlState, e.getSQLState(), sql + ": " + e.getMessage());
    }
}
