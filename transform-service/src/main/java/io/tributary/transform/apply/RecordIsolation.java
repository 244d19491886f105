package io.tributary.transform.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.repository.QuarantineRepository;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.Outcome;

/**
 * Applies a pipeline's records inside the caller's transaction so that a record whose row PostgreSQL refuses (a number
 * too large for it, a timestamp outside its range, a key longer than an index entry may be) fails alone: the records
 * are applied under a savepoint; when that fails for a record's sake ({@link Failures.Kind#RECORD}) the work is rolled
 * back to the savepoint and each half applied the same way, down to single records. A record that fails alone is
 * applied as a failed row (quarantined with the reason, counted failed), or, when even that row cannot be stored, only
 * quarantined and counted. Finding k such records among n takes about 2k·log2(n) tries, each a fraction of the first.
 *
 * <p>
 * It does not run on the batch path: {@link Retries} turns to it for a poll or chunk that failed for a record's sake,
 * so that the batch path stays one set of statements ("apply; on a failure a record caused, isolate"). Any way of
 * applying records can reuse it with its own {@link Apply}.
 */
@ApplicationScoped
public class RecordIsolation {

    /** Applies records to a pipeline in the current transaction. */
    interface Apply {
        void apply(CompiledPipeline pipeline, List<Item> items, Session session) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(RecordIsolation.class);

    private final AgroalDataSource dataSource;
    private final PipelineWriter writer;
    private final QuarantineRepository quarantine;

    public RecordIsolation(AgroalDataSource dataSource, PipelineWriter writer, QuarantineRepository quarantine) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.quarantine = quarantine;
    }

    void apply(CompiledPipeline pipeline, List<Item> items, Session session) throws SQLException {
        apply(pipeline, items, session, writer::apply);
    }

    void apply(CompiledPipeline pipeline, List<Item> items, Session session, Apply apply) throws SQLException {
        if (!items.isEmpty()) {
            try (Connection connection = dataSource.getConnection()) {
                isolate(connection, pipeline, items, session, apply);
            }
        }
    }

    private void isolate(Connection connection, CompiledPipeline pipeline, List<Item> items, Session session,
            Apply apply) throws SQLException {
        Throwable failure = attempt(connection, session, () -> apply.apply(pipeline, items, session));
        if (failure == null) {
            return;
        }
        if (items.size() > 1) {
            int half = items.size() / 2;
            isolate(connection, pipeline, items.subList(0, half), session, apply);
            isolate(connection, pipeline, items.subList(half, items.size()), session, apply);
            return;
        }
        Item item = items.get(0);
        Refusal refusal = Refusal.of(failure);
        LOG.warnf("pipeline %s: the record at %s-%d@%d (batch %s, line %d) was refused and is quarantined: %s",
                pipeline.name(), item.source(), item.partition(), item.offset(), item.batch(), item.position(),
                refusal.reason());
        Throwable again = attempt(connection, session, () -> writer.refuse(pipeline, items, session, refusal));
        if (again != null) {
            // not even a failed row fits (its key is too long for the index): the quarantine alone holds the record
            QuarantinedRecordEntity entry = PipelineWriter.quarantineEntry(pipeline, item,
                    new Outcome.Failed(item.businessKey(), refusal.step(), null, refusal.reason()), refusal.sqlState());
            quarantine.persist(entry);
            session.tally(pipeline.name()).countRefused(item.mode());
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs the work under a savepoint. @return null when it succeeded; the failure a record caused, the work rolled
     * back to the savepoint and the session's counts to where they were
     */
    private static Throwable attempt(Connection connection, Session session, Work work) throws SQLException {
        Map<String, Tally> mark = session.mark();
        execute(connection, "savepoint tributary_record");
        try {
            work.run();
        } catch (SQLException | RuntimeException | Error e) {
            if (Failures.of(e) != Failures.Kind.RECORD) {
                throw e;
            }
            execute(connection, "rollback to savepoint tributary_record");
            execute(connection, "release savepoint tributary_record");
            session.reset(mark);
            return e;
        }
        execute(connection, "release savepoint tributary_record");
        return null;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
