package io.tributary.transform.apply;

import java.sql.SQLException;

/**
 * Why a pipeline transaction failed, which decides what is done next: a conflict is tried again at once, an outage
 * after a pause, and a failure caused by a record of the transaction sends it to {@link Isolation#RECORDS}, where that
 * record is found and quarantined. Told by the first SQLSTATE in the chain of causes; a failure that carries none is an
 * outage when a checked exception caused it (a connection not had in time, a transaction timed out) or the JVM ran out
 * of resources, and the record's when Java refused the record's work (a runtime exception, a stack overflow).
 */
public final class Failures {

    public enum Kind {
        /** A deadlock or serialization failure: the same transaction commits when tried again. */
        CONFLICT,
        /** The database or the connection to it (down, restarting, out of resources, a timeout): wait, then retry. */
        OUTAGE,
        /** PostgreSQL or the pipeline refused a value of a record: retrying the same records can never succeed. */
        RECORD
    }

    private Failures() {
    }

    public static Kind of(Throwable failure) {
        String state = sqlState(failure);
        if (state != null) {
            return ofSqlState(state);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!(cause instanceof RuntimeException) && !(cause instanceof Error)) {
                // an SQLException without SQLSTATE (the pool found no connection in time, the driver's own I/O), or
                // the transaction manager's (the transaction timed out and was rolled back)
                return Kind.OUTAGE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (failure instanceof StackOverflowError) {
            return Kind.RECORD;
        }
        if (failure instanceof VirtualMachineError) {
            return Kind.OUTAGE;
        }
        return failure instanceof RuntimeException || failure instanceof Error ? Kind.RECORD : Kind.OUTAGE;
    }

    /**
     * By the SQLSTATE's class: data exceptions (22), integrity constraint violations (23) and program limits exceeded
     * (54, such as an index entry too long) are the record's; a serialization failure or a deadlock is a conflict;
     * everything else (a lost connection, a server shutting down, insufficient resources, a statement cancelled, an
     * object not there yet) is an outage.
     */
    public static Kind ofSqlState(String state) {
        if ("40001".equals(state) || "40P01".equals(state)) {
            return Kind.CONFLICT;
        }
        String category = state.length() < 2 ? state : state.substring(0, 2);
        return switch (category) {
            case "22", "23", "54" -> Kind.RECORD;
            default -> Kind.OUTAGE;
        };
    }

    /** The first SQLSTATE in the chain of causes (and of the next exceptions of a batch), or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null) {
                        return next.getSQLState();
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** The failure's own message, and its SQLSTATE when it has one: what a quarantined record says. */
    public static String describe(Throwable failure) {
        Throwable shown = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                shown = cause;
                break;
            }
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage().strip();
        // PostgreSQL's server message: "ERROR: <what>" and, on lines of their own, where and details
        message = message.lines().findFirst().orElse(message).replaceFirst("^ERROR:\\s+", "");
        String state = sqlState(failure);
        return state == null ? message : message + " (SQLSTATE " + state + ")";
    }
}
