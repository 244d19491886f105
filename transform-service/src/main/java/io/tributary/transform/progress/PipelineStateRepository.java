package io.tributary.transform.progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.event.Channels;

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

    /** Put before {@link #ADD}: moves a table's freshness watermark in the same statement. */
    private static final String FRESHNESS = """
            with freshness as (
                insert into catalog.freshness_watermark as w (table_name, current_as_of, updated_at)
                values (?, ?, now())
                on conflict (table_name) do update
                    set current_as_of = greatest(w.current_as_of, excluded.current_as_of),
                        updated_at = excluded.updated_at)
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
        add(pipeline, change, null);
    }

    /**
     * Adds the change to the pipeline's progress and, when it saw a record accepted and {@code freshnessKey} is given,
     * moves that table's freshness watermark ({@code catalog.freshness_watermark}, what serving answers "current as
     * of" from) forward to the newest acceptance, never back: one statement for both, each poll.
     */
    public void add(String pipeline, PipelineProgress change, String freshnessKey) throws SQLException {
        boolean fresh = freshnessKey != null && change.lastAcceptedAt() != null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement add = connection.prepareStatement(fresh ? FRESHNESS + ADD : ADD)) {
            int i = 1;
            if (fresh) {
                add.setString(i++, freshnessKey);
                add.setTimestamp(i++, timestamp(change.lastAcceptedAt()));
            }
            add.setString(i++, pipeline);
            long[] counts = {change.received(), change.curated(), change.corrected(), change.duplicates(),
                    change.filtered(), change.failed(), change.superseded(), change.late(), change.rederived()};
            for (long count : counts) {
                add.setLong(i++, count);
            }
            add.setTimestamp(i++, timestamp(change.eventWatermark()));
            add.setTimestamp(i, timestamp(change.lastAcceptedAt()));
            add.executeUpdate();
        }
    }

    /**
     * Why a pipeline is paused, since when, and the offsets from which its records are applied again.
     *
     * @param resumeTopic the topic of {@code resumeFrom}: the pipeline's dataset's, or the single old topic of every
     *        dataset for a pause from before there was one per dataset
     */
    public record Pause(Instant since, String reason, String resumeTopic, Map<Integer, Long> resumeFrom) {
    }

    /** Where a pipeline's records are applied again from: offsets of a topic, by partition. */
    public record ResumePoint(String topic, Map<Integer, Long> offsets) {
    }

    private static final String PAUSE = """
            insert into catalog.pipeline_state as s (name, paused_at, paused_reason, paused_topic, paused_offsets,
                updated_at)
            values (?, now(), ?, ?, ?::jsonb, now())
            on conflict (name) do update set paused_at = excluded.paused_at, paused_reason = excluded.paused_reason,
                paused_topic = excluded.paused_topic, paused_offsets = excluded.paused_offsets,
                updated_at = excluded.updated_at
            where s.paused_at is null
            """;

    /** The paused pipelines, by name. */
    public Map<String, Pause> paused() throws SQLException {
        Map<String, Pause> paused = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select name, paused_at, paused_reason, "
                        + "paused_offsets::text, paused_topic from catalog.pipeline_state where paused_at is not null");
                ResultSet r = query.executeQuery()) {
            while (r.next()) {
                paused.put(r.getString(1), new Pause(instant(r, "paused_at"), r.getString(3),
                        topicOrOld(r.getString(5)), Offsets.read(r.getString(4))));
            }
        }
        return paused;
    }

    public Optional<Pause> pauseOf(String pipeline) throws SQLException {
        return Optional.ofNullable(paused().get(pipeline));
    }

    /** Pauses the pipeline, unless it is paused already: its records are applied again from these offsets. */
    public void pause(String pipeline, String reason, ResumePoint resumeFrom) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement pause = connection.prepareStatement(PAUSE)) {
            pause.setString(1, pipeline);
            pause.setString(2, reason);
            pause.setString(3, resumeFrom.topic());
            pause.setString(4, Offsets.write(resumeFrom.offsets()));
            pause.executeUpdate();
        }
    }

    /**
     * Ends the pipeline's pause, in the caller's transaction. @return the offsets its records are applied again from;
     * empty when another transaction ended the pause first
     */
    public Optional<ResumePoint> resume(String pipeline) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement resume = connection.prepareStatement("""
                        with paused as (select name, paused_topic, paused_offsets from catalog.pipeline_state
                            where name = ? and paused_at is not null for update)
                        update catalog.pipeline_state s set paused_at = null, paused_reason = null,
                            paused_topic = null, paused_offsets = null, updated_at = now()
                        from paused where s.name = paused.name
                        returning paused.paused_offsets::text, paused.paused_topic
                        """)) {
            resume.setString(1, pipeline);
            try (ResultSet r = resume.executeQuery()) {
                return r.next()
                        ? Optional.of(new ResumePoint(topicOrOld(r.getString(2)), Offsets.read(r.getString(1))))
                        : Optional.empty();
            }
        }
    }

    /** A topic stored with offsets; none for those stored before one topic per dataset: the single old one. */
    public static String topicOrOld(String topic) {
        return topic == null ? Channels.ACCEPTED_RECORDS : topic;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet result, String column) throws SQLException {
        OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
