package io.tributary.catalog.security;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The producers' API keys in the catalog: issued by the requirements service, verified by any service a key is sent
 * to. Only the hash of a key's secret is stored; the key itself is shown once, when it is issued.
 */
@ApplicationScoped
public class ApiKeyStore {

    private static final String COLUMNS = "id, name, sources, created_by, created_at, expires_at, revoked_at, "
            + "revoked_by, last_used_at";

    /** A key just issued: what the catalog keeps, and the key to hand to the producer once. */
    public record Issued(ApiKey key, ApiKeySecret secret) {
    }

    private final AgroalDataSource dataSource;

    public ApiKeyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Issued issue(String name, List<String> sources, Instant expiresAt, String createdBy) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = one("""
                insert into catalog.api_key (id, name, secret_hash, sources, created_by, expires_at)
                values (?, ?, ?, ?, ?, ?)
                returning\s""" + COLUMNS, (connection, statement) -> {
            statement.setString(1, secret.id());
            statement.setString(2, name);
            statement.setString(3, secret.hash());
            statement.setArray(4, connection.createArrayOf("text", sources.toArray()));
            statement.setString(5, createdBy);
            statement.setTimestamp(6, Timestamp.from(expiresAt));
        }).orElseThrow();
        return new Issued(key, secret);
    }

    /** Every key, valid or not, newest first. */
    public List<ApiKey> list() {
        return query("select " + COLUMNS + " from catalog.api_key order by created_at desc, id",
                (connection, statement) -> {
                });
    }

    public Optional<ApiKey> find(String id) {
        return one("select " + COLUMNS + " from catalog.api_key where id = ?",
                (connection, statement) -> statement.setString(1, id));
    }

    /** Revokes the key from now on; a key revoked before keeps its first revocation. Empty if there is no such key. */
    public Optional<ApiKey> revoke(String id, String by) {
        return one("""
                update catalog.api_key
                set revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, ?)
                where id = ?
                returning\s""" + COLUMNS, (connection, statement) -> {
            statement.setString(1, by);
            statement.setString(2, id);
        });
    }

    /**
     * The key a request presents, if the catalog knows it, its secret matches and it is neither revoked nor expired.
     * Notes the use, at most once a minute per key.
     */
    public Optional<ApiKey> verify(ApiKeySecret presented, Instant now) {
        record Stored(String hash, ApiKey key) {
        }
        List<Stored> found = run("select secret_hash, " + COLUMNS + " from catalog.api_key where id = ?",
                (connection, statement) -> statement.setString(1, presented.id()),
                row -> new Stored(row.getString("secret_hash"), key(row)));
        if (found.isEmpty() || !presented.matches(found.get(0).hash()) || !found.get(0).key().validAt(now)) {
            return Optional.empty();
        }
        ApiKey key = found.get(0).key();
        run("""
                update catalog.api_key set last_used_at = now()
                where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')
                returning id
                """, (connection, statement) -> statement.setString(1, key.id()), row -> row.getString(1));
        return Optional.of(key);
    }

    private interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Optional<ApiKey> one(String sql, Binder binder) {
        return query(sql, binder).stream().findFirst();
    }

    private List<ApiKey> query(String sql, Binder binder) {
        return run(sql, binder, ApiKeyStore::key);
    }

    private <T> List<T> run(String sql, Binder binder, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> read = new ArrayList<>();
                while (rows.next()) {
                    read.add(reader.read(rows));
                }
                return read;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API key statement failed: " + e.getMessage(), e);
        }
    }

    private static ApiKey key(ResultSet row) throws SQLException {
        Array sources = row.getArray("sources");
        return new ApiKey(row.getString("id"), row.getString("name"),
                Arrays.asList((String[]) sources.getArray()), row.getString("created_by"),
                instant(row, "created_at"), instant(row, "expires_at"), instant(row, "revoked_at"),
                row.getString("revoked_by"), instant(row, "last_used_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
