package io.tributary.requirements.repository;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tributary.requirements.alert.Alert;
import io.tributary.requirements.alert.AlertKind;
import io.tributary.requirements.alert.Delivery;
import io.tributary.requirements.alert.Severity;

/** Alerts and the webhook deliveries owed for them. */
@ApplicationScoped
public class AlertRepository {

    private static final String ALERT_COLUMNS = "id, requirement_id, kind, severity, state, summary, details::text "
            + "as details, opened_at, resolved_at";
    private static final String DELIVERY_COLUMNS = "id, alert_id, event, stakeholder_id, url, payload::text as "
            + "payload, attempts, next_attempt_at, delivered_at, failed_at, last_error";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Jdbc jdbc;

    public AlertRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens an alert unless one of its kind is open for the requirement; empty in that case. */
    public Optional<Alert> open(UUID id, long requirementId, AlertKind kind, String summary,
            Map<String, Object> details, Instant at) {
        return jdbc.one("insert into catalog.alert (id, requirement_id, kind, severity, state, summary, details, "
                + "opened_at) values (?, ?, ?, ?, 'OPEN', ?, ?::jsonb, ?) on conflict do nothing returning "
                + ALERT_COLUMNS, statement -> {
                    statement.setObject(1, id);
                    statement.setLong(2, requirementId);
                    statement.setString(3, kind.name());
                    statement.setString(4, kind.severity().name());
                    statement.setString(5, summary);
                    statement.setString(6, json(details));
                    statement.setTimestamp(7, Jdbc.timestamp(at));
                }, AlertRepository::alert);
    }

    /** Resolves the open alert of this kind for the requirement; empty when none was open. */
    public Optional<Alert> resolve(long requirementId, AlertKind kind, Instant at) {
        return jdbc.one("update catalog.alert set state = 'RESOLVED', resolved_at = ? where requirement_id = ? "
                + "and kind = ? and state = 'OPEN' returning " + ALERT_COLUMNS, statement -> {
                    statement.setTimestamp(1, Jdbc.timestamp(at));
                    statement.setLong(2, requirementId);
                    statement.setString(3, kind.name());
                }, AlertRepository::alert);
    }

    /** The open alerts' kinds by requirement. */
    public List<Alert> openAlerts() {
        return jdbc.list("select " + ALERT_COLUMNS + " from catalog.alert where state = 'OPEN'", s -> {
        }, AlertRepository::alert);
    }

    public List<Alert> list(Boolean open, Long requirementId, int limit) {
        return jdbc.list("select " + ALERT_COLUMNS + " from catalog.alert where (?::boolean is null or "
                + "(state = 'OPEN') = ?) and (?::bigint is null or requirement_id = ?) order by opened_at desc, id "
                + "limit ?", statement -> {
                    statement.setObject(1, open);
                    statement.setObject(2, open);
                    statement.setObject(3, requirementId);
                    statement.setObject(4, requirementId);
                    statement.setInt(5, limit);
                }, AlertRepository::alert);
    }

    public Optional<Alert> find(UUID id) {
        return jdbc.one("select " + ALERT_COLUMNS + " from catalog.alert where id = ?", s -> s.setObject(1, id),
                AlertRepository::alert);
    }

    /** The newest alert about the requirement whose objective was violated. */
    public Optional<Alert> lastViolation(long requirementId) {
        return jdbc.one("select " + ALERT_COLUMNS + " from catalog.alert where requirement_id = ? and kind = ? "
                + "order by opened_at desc limit 1", statement -> {
                    statement.setLong(1, requirementId);
                    statement.setString(2, AlertKind.OBJECTIVE_VIOLATED.name());
                }, AlertRepository::alert);
    }

    public void enqueue(UUID alertId, String event, long stakeholderId, String url, String payload) {
        jdbc.update("insert into catalog.alert_delivery (alert_id, event, stakeholder_id, url, payload) "
                + "values (?, ?, ?, ?, ?::jsonb)", statement -> {
                    statement.setObject(1, alertId);
                    statement.setString(2, event);
                    statement.setLong(3, stakeholderId);
                    statement.setString(4, url);
                    statement.setString(5, payload);
                });
    }

    /**
     * Takes up to {@code limit} due deliveries, leasing them until {@code leaseUntil} so that no other instance takes
     * them meanwhile.
     */
    public List<Delivery> takeDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.list("update catalog.alert_delivery set next_attempt_at = ? where id in (select id from "
                + "catalog.alert_delivery where delivered_at is null and failed_at is null and next_attempt_at <= ? "
                + "order by next_attempt_at limit ? for update skip locked) returning " + DELIVERY_COLUMNS,
                statement -> {
                    statement.setTimestamp(1, Jdbc.timestamp(leaseUntil));
                    statement.setTimestamp(2, Jdbc.timestamp(now));
                    statement.setInt(3, limit);
                }, AlertRepository::delivery);
    }

    public void delivered(long id, int attempts, Instant at) {
        jdbc.update("update catalog.alert_delivery set attempts = ?, delivered_at = ?, last_error = null where id = ?",
                statement -> {
                    statement.setInt(1, attempts);
                    statement.setTimestamp(2, Jdbc.timestamp(at));
                    statement.setLong(3, id);
                });
    }

    /** Records a failed attempt: tried again at {@code retryAt}, or given up when that is null. */
    public void failed(long id, int attempts, String error, Instant retryAt, Instant now) {
        jdbc.update("update catalog.alert_delivery set attempts = ?, last_error = ?, next_attempt_at = "
                + "coalesce(?, next_attempt_at), failed_at = case when ?::timestamptz is null then ?::timestamptz end where id = ?",
                statement -> {
                    statement.setInt(1, attempts);
                    statement.setString(2, error.length() > 1_000 ? error.substring(0, 1_000) : error);
                    statement.setTimestamp(3, Jdbc.timestamp(retryAt));
                    statement.setTimestamp(4, Jdbc.timestamp(retryAt));
                    statement.setTimestamp(5, Jdbc.timestamp(now));
                    statement.setLong(6, id);
                });
    }

    public List<Delivery> deliveries(UUID alertId) {
        return jdbc.list("select " + DELIVERY_COLUMNS + " from catalog.alert_delivery where alert_id = ? order by id",
                s -> s.setObject(1, alertId), AlertRepository::delivery);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("alert details are maps of plain values", e);
        }
    }

    private static Alert alert(ResultSet row) throws SQLException {
        Map<String, Object> details;
        try {
            details = JSON.readValue(row.getString("details"), MAP);
        } catch (IOException e) {
            throw new SQLException("unreadable details of alert " + row.getString("id"), e);
        }
        return new Alert(row.getObject("id", UUID.class), row.getLong("requirement_id"),
                AlertKind.valueOf(row.getString("kind")), Severity.valueOf(row.getString("severity")),
                "OPEN".equals(row.getString("state")), row.getString("summary"), details,
                Jdbc.instant(row, "opened_at"), Jdbc.instant(row, "resolved_at"));
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        return new Delivery(row.getLong("id"), row.getObject("alert_id", UUID.class), row.getString("event"),
                row.getLong("stakeholder_id"), row.getString("url"), row.getString("payload"), row.getInt("attempts"),
                Jdbc.instant(row, "next_attempt_at"), Jdbc.instant(row, "delivered_at"),
                Jdbc.instant(row, "failed_at"), row.getString("last_error"));
    }
}
