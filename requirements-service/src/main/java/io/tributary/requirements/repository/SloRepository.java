package io.tributary.requirements.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.tributary.requirements.slo.SloStatus;
import io.tributary.requirements.slo.Status;

/** Evaluations, time slices and statuses of objectives, and the claim of each evaluation cycle. */
@ApplicationScoped
public class SloRepository {

    /** A stored evaluation. */
    public record StoredEvaluation(long requirementId, Instant at, Status state, Double value) {
    }

    /** A slice's counts, as written after each evaluation in it. */
    public record StoredSlice(long requirementId, Instant start, int good, int bad) {
    }

    /** Evaluations within one step of a history. */
    public record HistoryPoint(Instant start, int evaluations, int met, int violated, int noData, Double min,
            Double max, Double last) {
    }

    private static final String STATUS_COLUMNS = "requirement_id, version, state, value, evaluated_at, good_share, "
            + "budget_left, since, last_violation_at, data_since";
    private static final String UPSERT_STATUS = "insert into catalog.slo_status (" + STATUS_COLUMNS + ") "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (requirement_id) do update set "
            + "version = excluded.version, state = excluded.state, value = excluded.value, "
            + "evaluated_at = excluded.evaluated_at, good_share = excluded.good_share, "
            + "budget_left = excluded.budget_left, since = excluded.since, "
            + "last_violation_at = excluded.last_violation_at, data_since = excluded.data_since";
    private static final String HISTORY = """
            select date_bin(?::interval, evaluated_at, ?) as start, count(*) as evaluations,
                count(*) filter (where state = 'MET') as met, count(*) filter (where state = 'VIOLATED') as violated,
                count(*) filter (where state = 'NO_DATA') as no_data, min(value) as min, max(value) as max,
                (array_agg(value order by evaluated_at desc))[1] as last
            from catalog.slo_evaluation
            where requirement_id = ? and evaluated_at >= ? and evaluated_at < ?
            group by 1 order by 1
            """;

    private final Jdbc jdbc;

    public SloRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the evaluation cycle for this instance unless another claimed one less than {@code minGap} ago: two
     * instances never evaluate the same cycle.
     */
    public boolean claim(String instance, Instant now, Duration minGap) {
        return jdbc.update("update catalog.slo_cycle set claimed_at = ?, claimed_by = ? where id = 1 "
                + "and (claimed_at <= ? or claimed_by = ?)", statement -> {
                    statement.setTimestamp(1, Jdbc.timestamp(now));
                    statement.setString(2, instance);
                    statement.setTimestamp(3, Jdbc.timestamp(now.minus(minGap)));
                    statement.setString(4, instance);
                }) == 1;
    }

    public void insertEvaluations(List<StoredEvaluation> evaluations) {
        jdbc.batch("insert into catalog.slo_evaluation (requirement_id, evaluated_at, state, value) "
                + "values (?, ?, ?, ?) on conflict do nothing", evaluations, (statement, e) -> {
                    statement.setLong(1, e.requirementId());
                    statement.setTimestamp(2, Jdbc.timestamp(e.at()));
                    statement.setString(3, e.state().name());
                    Jdbc.nullableDouble(statement, 4, e.value());
                });
    }

    public void upsertSlices(List<StoredSlice> slices) {
        jdbc.batch("insert into catalog.slo_slice (requirement_id, slice_start, good, bad) values (?, ?, ?, ?) "
                + "on conflict (requirement_id, slice_start) do update set good = excluded.good, bad = excluded.bad",
                slices, (statement, slice) -> {
                    statement.setLong(1, slice.requirementId());
                    statement.setTimestamp(2, Jdbc.timestamp(slice.start()));
                    statement.setInt(3, slice.good());
                    statement.setInt(4, slice.bad());
                });
    }

    public List<StoredSlice> slices(long requirementId, Instant from) {
        return jdbc.list("select requirement_id, slice_start, good, bad from catalog.slo_slice "
                + "where requirement_id = ? and slice_start >= ? order by slice_start", statement -> {
                    statement.setLong(1, requirementId);
                    statement.setTimestamp(2, Jdbc.timestamp(from));
                }, row -> new StoredSlice(row.getLong(1), Jdbc.instant(row, 2), row.getInt(3), row.getInt(4)));
    }

    public void upsertStatuses(List<SloStatus> statuses) {
        jdbc.batch(UPSERT_STATUS, statuses, (statement, s) -> {
            statement.setLong(1, s.requirementId());
            statement.setInt(2, s.version());
            statement.setString(3, s.state().name());
            Jdbc.nullableDouble(statement, 4, s.value());
            statement.setTimestamp(5, Jdbc.timestamp(s.evaluatedAt()));
            Jdbc.nullableDouble(statement, 6, s.goodShare());
            Jdbc.nullableDouble(statement, 7, s.budgetLeft());
            statement.setTimestamp(8, Jdbc.timestamp(s.since()));
            statement.setTimestamp(9, Jdbc.timestamp(s.lastViolationAt()));
            statement.setTimestamp(10, Jdbc.timestamp(s.dataSince()));
        });
    }

    public Map<Long, SloStatus> statuses() {
        Map<Long, SloStatus> statuses = new HashMap<>();
        jdbc.list("select " + STATUS_COLUMNS + " from catalog.slo_status", s -> {
        }, row -> statuses.put(row.getLong("requirement_id"), status(row)));
        return statuses;
    }

    public Optional<SloStatus> status(long requirementId) {
        return jdbc.one("select " + STATUS_COLUMNS + " from catalog.slo_status where requirement_id = ?",
                s -> s.setLong(1, requirementId), SloRepository::status);
    }

    public List<HistoryPoint> history(long requirementId, Instant from, Instant to, Duration step) {
        return jdbc.list(HISTORY, statement -> {
            statement.setString(1, step.toMillis() + " milliseconds");
            statement.setTimestamp(2, Jdbc.timestamp(from));
            statement.setLong(3, requirementId);
            statement.setTimestamp(4, Jdbc.timestamp(from));
            statement.setTimestamp(5, Jdbc.timestamp(to));
        }, row -> new HistoryPoint(Jdbc.instant(row, "start"), row.getInt("evaluations"), row.getInt("met"),
                row.getInt("violated"), row.getInt("no_data"), Jdbc.nullableDouble(row, "min"),
                Jdbc.nullableDouble(row, "max"), Jdbc.nullableDouble(row, "last")));
    }

    /** Removes evaluations older than {@code evaluationsBefore} and slices older than each one's window. */
    public int prune(Instant evaluationsBefore, Instant slicesBefore) {
        int evaluations = jdbc.update("delete from catalog.slo_evaluation where evaluated_at < ?",
                s -> s.setTimestamp(1, Jdbc.timestamp(evaluationsBefore)));
        int slices = jdbc.update("delete from catalog.slo_slice where slice_start < ?",
                s -> s.setTimestamp(1, Jdbc.timestamp(slicesBefore)));
        return evaluations + slices;
    }

    private static SloStatus status(ResultSet row) throws SQLException {
        return new SloStatus(row.getLong("requirement_id"), row.getInt("version"), Status.valueOf(row.getString("state")),
                Jdbc.nullableDouble(row, "value"), Jdbc.instant(row, "evaluated_at"),
                Jdbc.nullableDouble(row, "good_share"), Jdbc.nullableDouble(row, "budget_left"),
                Jdbc.instant(row, "since"), Jdbc.instant(row, "last_violation_at"), Jdbc.instant(row, "data_since"));
    }
}
