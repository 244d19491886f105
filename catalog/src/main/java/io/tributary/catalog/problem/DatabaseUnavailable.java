package io.tributary.catalog.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Whether a failure is the database being out of reach for a moment rather than a fault of the request or the service:
 * the pool had no connection to give in time (its error carries no SQLSTATE), the connection failed (SQLSTATE class
 * 08), PostgreSQL was out of resources (53) or shutting down or not yet taking connections (57P01-57P03). Such a
 * request may succeed when sent again, so it is answered 503 with Retry-After instead of 500.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean unavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            // the pool's own refusal ("acquisition timeout") is a plain SQLException without a state
            return e.getClass() == SQLException.class && e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03");
    }
}
