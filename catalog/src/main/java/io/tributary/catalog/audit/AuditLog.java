package io.tributary.catalog.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/** The audit log in {@code catalog.audit_entry}: every service appends, the requirements service reads. */
@ApplicationScoped
public class AuditLog {

    private static final String COLUMNS = "id, at, service, principal, roles, method, path, operation, status, remote, "
            + "before::text as before, after::text as after";

    /**
     * Which entries to read, newest first; a null filter matches everything.
     *
     * @param principal exactly this caller
     * @param pathPrefix paths that start with this
     * @param from at or after
     * @param to before
     * @param limit at most this many
     */
    public record Query(String principal, String pathPrefix, Instant from, Instant to, int limit) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public AuditLog(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void append(AuditEntry entry) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        insert into catalog.audit_entry
                            (at, service, principal, roles, method, path, operation, status, remote, before, after)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                        """)) {
            statement.setTimestamp(1, Timestamp.from(entry.at()));
            statement.setString(2, entry.service());
            statement.setString(3, entry.principal());
            statement.setArray(4, connection.createArrayOf("text", entry.roles().toArray()));
            statement.setString(5, entry.method());
            statement.setString(6, entry.path());
            statement.setString(7, entry.operation());
            statement.setInt(8, entry.status());
            statement.setString(9, entry.remote());
            setJson(statement, 10, entry.before());
            setJson(statement, 11, entry.after());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the audit log: " + e.getMessage(), e);
        }
    }

    public List<AuditEntry> find(Query query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from catalog.audit_entry where true");
        List<Object> values = new ArrayList<>();
        if (query.principal() != null) {
            sql.append(" and principal = ?");
            values.add(query.principal());
        }
        if (query.pathPrefix() != null) {
            sql.append(" and starts_with(path, ?)");
            values.add(query.pathPrefix());
        }
        if (query.from() != null) {
            sql.append(" and at >= ?");
            values.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and at < ?");
            values.add(Timestamp.from(query.to()));
        }
        sql.append(" order by at desc, id desc limit ?");
        values.add(query.limit());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("id"), row.getTimestamp("at").toInstant(), row.getString("service"),
                row.getString("principal"), Arrays.asList((String[]) row.getArray("roles").getArray()),
                row.getString("method"), row.getString("path"), row.getString("operation"), row.getInt("status"),
                row.getString("remote"), tree(row.getString("before")), tree(row.getString("after")));
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit log holds JSON that PostgreSQL checked", e);
        }
    }

    private static void setJson(PreparedStatement statement, int index, JsonNode value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setString(index, value.toString());
        }
    }
}
