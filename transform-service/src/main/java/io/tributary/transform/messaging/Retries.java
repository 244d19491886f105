package io.tributary.transform.messaging;

import java.sql.SQLException;
import java.util.Set;

import org.jboss.logging.Logger;

/** Runs a transaction again when PostgreSQL aborted it for a deadlock or a serialization conflict. */
final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);
    private static final Set<String> CONFLICTS = Set.of("40P01", "40001");
    private static final int ATTEMPTS = 5;

    interface Work<T> {
        T run() throws SQLException;
    }

    private Retries() {
    }

    static <T> T onConflict(Work<T> work) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                return work.run();
            } catch (SQLException | RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                LOG.infof("transaction conflict (%s), attempt %d of %d", e.getMessage(), attempt, ATTEMPTS);
            }
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CONFLICTS.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
