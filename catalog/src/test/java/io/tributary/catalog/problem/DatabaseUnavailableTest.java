package io.tributary.catalog.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void thePoolsAcquisitionTimeoutAnywhereInTheCausesIsUnavailable() {
        SQLException pool = new SQLException("Sorry, acquisition timeout!");
        assertTrue(DatabaseUnavailable.is(pool));
        assertTrue(DatabaseUnavailable.is(new IllegalStateException("Unable to acquire JDBC Connection",
                new RuntimeException(pool))));
    }

    @Test
    void connectionFailuresResourcesAndShutdownsAreUnavailable() {
        assertTrue(DatabaseUnavailable.is(new SQLException("connection refused", "08001")));
        assertTrue(DatabaseUnavailable.is(new SQLException("I/O error", "08006")));
        assertTrue(DatabaseUnavailable.is(new SQLException("too many connections", "53300")));
        assertTrue(DatabaseUnavailable.is(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseUnavailable.is(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.is(new SQLTransientConnectionException("gone")));
    }

    @Test
    void errorsOfTheStatementOrTheServiceAreNot() {
        assertFalse(DatabaseUnavailable.is(new SQLException("invalid input syntax", "22P02")));
        assertFalse(DatabaseUnavailable.is(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.is(new SQLException("canceling statement due to user request", "57014")));
        assertFalse(DatabaseUnavailable.is(new SQLException("no state, no pool")));
        assertFalse(DatabaseUnavailable.is(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnavailable.is(null));
    }
}
