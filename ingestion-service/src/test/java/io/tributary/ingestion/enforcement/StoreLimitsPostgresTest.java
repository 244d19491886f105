package io.tributary.ingestion.enforcement;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;

/**
 * The limits of {@link StoreLimits} are PostgreSQL's own: in the form values travel to the curated store (text cast by
 * the statement), the value at each limit is taken and the next one is refused.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class StoreLimitsPostgresTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void createTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists public.store_limits (n numeric, d date, t timestamptz, "
                    + "k text primary key)");
            statement.execute("truncate public.store_limits");
        }
    }

    @Test
    void numericTakesTheDigitsOfTheLimitAndNoMore() {
        BigDecimal largest = new BigDecimal("9".repeat(StoreLimits.NUMERIC_INTEGER_DIGITS));
        BigDecimal finest = new BigDecimal("1e-" + StoreLimits.NUMERIC_FRACTION_DIGITS);
        assertDoesNotThrow(() -> insert("n", "numeric", largest.toPlainString()));
        assertDoesNotThrow(() -> insert("n", "numeric", finest.toPlainString()));
        assertThrows(SQLException.class, () -> insert("n", "numeric", largest.add(BigDecimal.ONE).toPlainString()));
        assertThrows(SQLException.class, () -> insert("n", "numeric", finest.movePointLeft(1).toPlainString()));
    }

    @Test
    void dateAndTimestampTakeTheYearsOfTheLimitAsIsoText() {
        assertDoesNotThrow(() -> insert("d", "date", StoreLimits.FIRST_DATE.toString()));
        assertDoesNotThrow(() -> insert("d", "date", StoreLimits.LAST_DATE.toString()));
        assertThrows(SQLException.class, () -> insert("d", "date", StoreLimits.FIRST_DATE.minusDays(1).toString()));
        assertThrows(SQLException.class, () -> insert("d", "date", StoreLimits.LAST_DATE.plusDays(1).toString()));
        assertDoesNotThrow(() -> insert("t", "timestamptz", StoreLimits.FIRST_INSTANT.toString()));
        assertDoesNotThrow(() -> insert("t", "timestamptz", StoreLimits.LAST_INSTANT.toString()));
        assertThrows(SQLException.class,
                () -> insert("t", "timestamptz", StoreLimits.FIRST_INSTANT.minusNanos(1000).toString()));
        assertThrows(SQLException.class,
                () -> insert("t", "timestamptz", StoreLimits.LAST_INSTANT.plusNanos(1000).toString()));
        assertThrows(SQLException.class, () -> insert("d", "date", LocalDate.of(10000, 1, 1).toString()));
    }

    @Test
    void primaryKeyTakesTheBytesOfOneIndexEntryAndNoMore() {
        assertDoesNotThrow(() -> insert("k", "text", incompressible(StoreLimits.KEY_BYTES)));
        assertThrows(SQLException.class, () -> insert("k", "text", incompressible(StoreLimits.KEY_BYTES + 1)));
    }

    private void insert(String column, String type, String text) throws SQLException {
        String key = column.equals("k") ? text : incompressible(16);
        String sql = column.equals("k")
                ? "insert into public.store_limits (k) values (?)"
                : "insert into public.store_limits (" + column + ", k) values (?::" + type + ", ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, text);
            if (!column.equals("k")) {
                insert.setString(2, key);
            }
            insert.executeUpdate();
        }
    }

    /** Printable ASCII at random, which PostgreSQL's compression cannot shorten. */
    private static String incompressible(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(94)));
        }
        return text.toString();
    }
}
