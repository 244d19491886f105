package io.tributary.transform.apply;

import java.sql.SQLException;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.tributary.catalog.lease.LeaseLostException;

/**
 * Runs a transaction until it commits, doing next what its failure calls for ({@link Failures}): a deadlock or
 * serialization conflict is tried again at once; a failure a record caused is tried again with
 * {@link Isolation#RECORDS}, which quarantines that record and applies the others; anything else (the database down, a
 * restart) after a pause that grows to half a minute. The consumer never skips a poll, so nothing is lost: the
 * pipelines wait, and their lag shows it.
 */
public final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** One try of the transaction, applying records the way it is told. */
    public interface Work<T> {
        T run(Isolation isolation) throws SQLException;
    }

    private Retries() {
    }

    public static <T> T untilCommitted(Work<T> work) throws InterruptedException, SQLException {
        return upTo(Integer.MAX_VALUE, work);
    }

    /**
     * The same, giving up (with the last failure) after {@code attempts} failures other than conflicts and the first
     * failure a record caused.
     */
    public static <T> T upTo(int attempts, Work<T> work) throws InterruptedException, SQLException {
        Duration pause = FIRST_PAUSE;
        Isolation isolation = Isolation.NONE;
        int failures = 0;
        for (int attempt = 1;; attempt++) {
            try {
                return work.run(isolation);
            } catch (LeaseLostException e) {
                // another instance took the work over: trying again cannot succeed
                throw e;
            } catch (SQLException | RuntimeException | Error e) {
                Failures.Kind kind = Failures.of(e);
                if (kind == Failures.Kind.CONFLICT) {
                    LOG.debugf("transaction conflict, attempt %d: %s", attempt, e.getMessage());
                    continue;
                }
                if (kind == Failures.Kind.RECORD && isolation == Isolation.NONE) {
                    LOG.warnf("a record was refused (%s); applying the records again one by one where they fail",
                            Failures.describe(e));
                    isolation = Isolation.RECORDS;
                    continue;
                }
                if (++failures >= attempts) {
                    throw e;
                }
                LOG.errorf(e, "a pipeline transaction failed (attempt %d); trying again in %d ms", attempt,
                        pause.toMillis());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
