package io.tributary.transform.progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Each pipeline's progress in {@code catalog.pipeline_state}, moved in the transaction that made it. */
@ApplicationScoped
public class PipelineStateRepository {

    private static final String ADD = """
            insert into catalog.pipeline_state as s (name, received, curated, corrected, duplicates, filtered, failed,
                superseded, late, rederived, event_watermark, last_accepted_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            on conflict (name) do update set received = s.received + excluded.received,
                curated = s.curated + excluded.curated, corrected = s.corrected + excluded.corrected,
                duplicates = s.duplicates + excluded.duplicates, filtered = s.filtered + excluded.filtered,
                failed = s.failed + excluded.failed, superseded = s.superseded + excluded.superseded,
                late = s.late + excluded.late, rederived = s.rederived + excluded.rederived,
                event_watermark = greatest(s.event_watermark, excluded.event_watermark),
                last_accepted_at = greatest(s.last_accepted_at, excluded.last_accepted_at),
                updated_at = excluded.updated_at
            """;

    private final AgroalDataSource dataSource;

    public PipelineStateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public PipelineProgress find(String pipeline) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select * from catalog.pipeline_state "
                        + "where name = ?")) {
            query.setString(1, pipeline);
            try (ResultSet r = query.executeQuery()) {
                if (!r.next()) {
                    return PipelineProgress.NONE;
                }
                return new PipelineProgress(r.getLong("received"), r.getLong("curated"), r.getLong("corrected"),
                        r.getLong("duplicates"), r.getLong("filtered"), r.getLong("failed"), r.getLong("superseded"),
                        r.getLong("late"), r.getLong("rederived"), instant(r, "event_watermark"),
                        instant(r, "last_accepted_at"));
            }
        }
    }

    public void add(String pipeline, PipelineProgress change) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setString(1, pipeline);
            long[] counts = {change.received(), change.curated(), change.corrected(), change.duplicates(),
                    change.filtered(), change.failed(), change.superseded(), change.late(), change.rederived()};
            for (int i = 0; i < counts.length; i++) {
                add.setLong(i + 2, counts[i]);
            }
            add.setTimestamp(11, timestamp(change.eventWatermark()));
            add.setTimestamp(12, timestamp(change.lastAcceptedAt()));
            add.executeUpdate();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet result, String column) throws SQLException {
        OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
