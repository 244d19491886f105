package io.tributary.transform.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.lease.Lease;
import io.tributary.transform.progress.Offsets;
import io.tributary.transform.progress.PipelineStateRepository;

/**
 * Backfills in {@code catalog.pipeline_backfill}; each call is its own statement, outside any pipeline transaction (in
 * the caller's transaction when there is one).
 */
@ApplicationScoped
public class BackfillRepository {

    /**
     * A backfill and how far it got.
     *
     * @param fromTopic the topic of {@code fromOffsets}
     * @param fromOffsets for a backfill from the topic that starts at offsets (a paused pipeline's), else empty
     * @param takeovers how many times it was started again after the instance running it stopped (decision 33)
     * @param countedFrom of a {@code BACKLOG} backfill of a running pipeline, the offsets from which its build counts
     *        the records (the live path counted those before); else empty
     */
    public record Backfill(UUID id, String pipeline, int version, String source, String status, Instant acceptedFrom,
            String fromTopic, Map<Integer, Long> fromOffsets, long rowsDone, String error, Instant startedAt,
            Instant finishedAt,
            int takeovers, Map<Integer, Long> countedFrom) {
    }

    private static final String UNLEASED = """
            select * from catalog.pipeline_backfill b
            where status = 'RUNNING'
              and not exists (select 1 from catalog.work_lease l
                              where l.kind = ? and l.key = b.id::text and l.token is not null
                                and l.expires_at > clock_timestamp())
            order by started_at
            """;

    private final AgroalDataSource dataSource;

    public BackfillRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void create(UUID id, String pipeline, int version, String source, Instant acceptedFrom,
            String fromTopic, Map<Integer, Long> fromOffsets, Map<Integer, Long> countedFrom) throws SQLException {
        update("insert into catalog.pipeline_backfill (id, pipeline, version, source, status, accepted_from, "
                + "from_topic, from_offsets, counted_from) values (?, ?, ?, ?, 'RUNNING', ?, ?, ?::jsonb, ?::jsonb)",
                id, pipeline, version, source, acceptedFrom, fromOffsets == null ? null : fromTopic,
                fromOffsets == null ? null : Offsets.write(fromOffsets),
                countedFrom.isEmpty() ? null : Offsets.write(countedFrom));
    }

    /**
     * The topics whose backlog a {@code BACKLOG} backfill builds now, before its swap: the live consumers leave them
     * until it ends (decision 0062).
     */
    public Set<String> buildingTopics() throws SQLException {
        Set<String> topics = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select distinct from_topic from "
                        + "catalog.pipeline_backfill where source = 'BACKLOG' and status = 'RUNNING' and built_at is "
                        + "null and from_topic is not null")) {
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    topics.add(r.getString(1));
                }
            }
        }
        return topics;
    }

    /** Whether a backfill of the pipeline is still running. */
    public boolean running(String pipeline) throws SQLException {
        return isTrue("select exists (select 1 from catalog.pipeline_backfill where pipeline = ? and status = "
                + "'RUNNING')", pipeline);
    }

    public void progress(UUID id, long rowsDone) throws SQLException {
        update("update catalog.pipeline_backfill set rows_done = ? where id = ?", rowsDone, id);
    }

    /** An instance takes the backfill up again, from its beginning (decision 33). */
    public void takenOver(UUID id) throws SQLException {
        update("update catalog.pipeline_backfill set takeovers = takeovers + 1, rows_done = 0 where id = ?", id);
    }

    /** A {@code BACKLOG} backfill's build committed: in the build's transaction. */
    public void built(UUID id) throws SQLException {
        update("update catalog.pipeline_backfill set built_at = now() where id = ?", id);
    }

    /** Whether a {@code BACKLOG} backfill's build committed already. */
    public boolean isBuilt(UUID id) throws SQLException {
        return isTrue("select built_at is not null from catalog.pipeline_backfill where id = ?", id);
    }

    /** Whether the query's one boolean is true; false when it gives no row. */
    private boolean isTrue(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet r = query.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    public void complete(UUID id) throws SQLException {
        update("update catalog.pipeline_backfill set status = 'COMPLETED', finished_at = now() where id = ?", id);
    }

    public void fail(UUID id, String error) throws SQLException {
        update("update catalog.pipeline_backfill set status = 'FAILED', error = ?, finished_at = now() where id = ?",
                error, id);
    }

    public Optional<Backfill> find(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select * from catalog.pipeline_backfill "
                        + "where id = ?")) {
            query.setObject(1, id);
            try (ResultSet r = query.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(backfill(r));
            }
        }
    }

    /**
     * The backfills still running that no instance holds a live lease on, oldest first: a stop of their instance
     * interrupted them (decision 33).
     */
    public List<Backfill> unleased() throws SQLException {
        List<Backfill> running = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(UNLEASED)) {
            query.setString(1, Lease.Kind.BACKFILL.code());
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    running.add(backfill(r));
                }
            }
        }
        return running;
    }

    private static Backfill backfill(ResultSet r) throws SQLException {
        return new Backfill(r.getObject("id", UUID.class), r.getString("pipeline"), r.getInt("version"),
                r.getString("source"), r.getString("status"), instant(r, "accepted_from"),
                PipelineStateRepository.topicOrOld(r.getString("from_topic")), Offsets.read(r.getString(
                        "from_offsets")),
                r.getLong("rows_done"),
                r.getString("error"), instant(r, "started_at"), instant(r, "finished_at"), r.getInt("takeovers"),
                Offsets.read(r.getString("counted_from")));
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i] instanceof Instant instant ? Timestamp.from(instant) : parameters[i];
                statement.setObject(i + 1, value);
            }
            statement.executeUpdate();
        }
    }

    private static Instant instant(ResultSet result, String column) throws SQLException {
        OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
