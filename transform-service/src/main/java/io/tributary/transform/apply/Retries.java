package io.tributary.transform.apply;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * Runs a transaction until it commits. A deadlock or serialization conflict is retried at once; anything else (the
 * database down, a restart) after a pause that grows to half a minute. The consumer never skips a poll, so nothing is
 * lost: the pipelines wait, and their lag shows it.
 */
public final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);
    private static final Set<String> CONFLICTS = Set.of("40P01", "40001");
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    public interface Work<T> {
        T run() throws SQLException;
    }

    private Retries() {
    }

    public static <T> T untilCommitted(Work<T> work) throws InterruptedException, SQLException {
        return upTo(Integer.MAX_VALUE, work);
    }

    /** The same, giving up (with the last failure) after {@code attempts} failures other than conflicts. */
    public static <T> T upTo(int attempts, Work<T> work) throws InterruptedException, SQLException {
        Duration pause = FIRST_PAUSE;
        int failures = 0;
        for (int attempt = 1;; attempt++) {
            try {
                return work.run();
            } catch (SQLException | RuntimeException e) {
                if (!isConflict(e) && ++failures >= attempts) {
                    throw e;
                }
                if (isConflict(e)) {
                    LOG.debugf("transaction conflict, attempt %d: %s", attempt, e.getMessage());
                    continue;
                }
                LOG.errorf(e, "a pipeline transaction failed (attempt %d); trying again in %d ms", attempt, pause.toMillis());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
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
