package io.tributary.transform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import io.tributary.transform.apply.Failures.Kind;

class FailuresTest {

    @Test
    void retriesSerializationFailuresAndDeadlocksAtOnce() {
        assertEquals(Kind.CONFLICT, Failures.ofSqlState("40001"));
        assertEquals(Kind.CONFLICT, Failures.ofSqlState("40P01"));
    }

    @Test
    void blamesTheRecordForDataExceptionsConstraintsAndProgramLimits() {
        // numeric overflow, timestamp out of range, invalid text, a not-null column, an index entry too long
        for (String state : new String[]{"22003", "22008", "22021", "22P02", "23502", "23505", "54000"}) {
            assertEquals(Kind.RECORD, Failures.ofSqlState(state), state);
        }
    }

    @Test
    void waitsOutLostConnectionsShutdownsAndMissingResources() {
        // connection failure, admin shutdown, cannot connect now, disk full, out of memory, undefined table,
        // statement cancelled, lock not available, transaction rolled back, internal error
        for (String state : new String[]{"08006", "08001", "57P01", "57P03", "53100", "53200", "42P01", "57014",
                "55P03", "40000", "XX000"}) {
            assertEquals(Kind.OUTAGE, Failures.ofSqlState(state), state);
        }
    }

    @Test
    void findsTheSqlStateThroughWrappersAndBatches() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 3 failed", null, 0, new int[0]);
        batch.setNextException(new SQLException("value overflows numeric format", "22003"));
        RuntimeException wrapped = new IllegalStateException("reference rows cannot be read", batch);
        assertEquals("22003", Failures.sqlState(wrapped));
        assertEquals(Kind.RECORD, Failures.of(wrapped));
        assertEquals(Kind.OUTAGE, Failures.of(new IllegalStateException(new SQLException("closed", "08003"))));
    }

    @Test
    void takesASqlExceptionWithoutStateForAnOutage() {
        assertNull(Failures.sqlState(new SQLTransientConnectionException("Acquisition timeout")));
        assertEquals(Kind.OUTAGE, Failures.of(new SQLTransientConnectionException("Acquisition timeout")));
        assertEquals(Kind.OUTAGE, Failures.of(new RuntimeException(new SQLException("I/O error"))));
    }

    @Test
    void blamesTheRecordForWhatJavaRefusedOfItsWorkButNotForTheJvmRunningOut() {
        assertEquals(Kind.RECORD, Failures.of(new ArithmeticException("Overflow")));
        assertEquals(Kind.RECORD, Failures.of(new ClassCastException()));
        assertEquals(Kind.RECORD, Failures.of(new StackOverflowError()));
        assertEquals(Kind.RECORD, Failures.of(new AssertionError("boom")));
        assertEquals(Kind.OUTAGE, Failures.of(new OutOfMemoryError("Java heap space")));
        assertEquals(Kind.OUTAGE, Failures.of(new InternalError()));
        assertEquals(Kind.OUTAGE, Failures.of(new IOException("broken pipe")));
        // how the transactional interceptor reports a transaction the manager rolled back after its timeout
        assertEquals(Kind.OUTAGE, Failures.of(new IllegalStateException("Error invoking subclass method",
                new jakarta.transaction.RollbackException("The transaction is not active!"))));
    }

    @Test
    void describesAServerErrorByItsFirstLineAndState() {
        SQLException server = new SQLException("ERROR: value overflows numeric format\n  Where: unnamed portal",
                "22003");
        assertEquals("value overflows numeric format (SQLSTATE 22003)",
                Failures.describe(new IllegalStateException("wrapped", server)));
        assertEquals("StackOverflowError", Failures.describe(new StackOverflowError()));
    }
}
