package io.tributary.catalog.lease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The leases in {@code catalog.work_lease}. The reads lock the lease's row until the caller's transaction ends, so
 * that a decision and its write are one step for every instance; times are the database's own clock.
 */
@ApplicationScoped
public class LeaseRepository {

    /** A lease's row under its lock, with the database's time of reading it. */
    public record Locked(LeaseRow row, Instant now) {
    }

    private static final String ENSURE = """
            insert into catalog.work_lease (kind, key, holder, expires_at)
            values (?, ?, '', '-infinity')
            on conflict (kind, key) do nothing
            """;
    private static final String LOCK = """
            select holder, token, expires_at, clock_timestamp() from catalog.work_lease
            where kind = ? and key = ?
            for update
            """;
    private static final String LOCK_UNLESS_BUSY = LOCK.replace("for update", "for update skip locked");
    private static final String TAKE = """
            update catalog.work_lease
            set holder = ?, token = ?, acquired_at = clock_timestamp(),
                expires_at = clock_timestamp() + ? * interval '1 millisecond'
            where kind = ? and key = ?
            """;
    private static final String EXTEND = """
            update catalog.work_lease set expires_at = clock_timestamp() + ? * interval '1 millisecond'
            where kind = ? and key = ? and token = ?
            """;
    private static final String TAKE_NEW = """
            insert into catalog.work_lease (kind, key, holder, token, acquired_at, expires_at)
            values (?, ?, ?, ?, clock_timestamp(), clock_timestamp() + ? * interval '1 millisecond')
            on conflict (kind, key) do nothing
            """;
    private static final String RELEASE = "delete from catalog.work_lease where kind = ? and key = ? and token = ?";
    private static final String EXPIRE_HELD_BY = """
            update catalog.work_lease set expires_at = clock_timestamp()
            where holder = ? and token is not null and expires_at > clock_timestamp()
            """;

    private final DataSource dataSource;

    public LeaseRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The lease's row, made first if there is none (free), and locked; empty when another transaction has it locked
     * (it is being taken or renewed right now). Must run in a transaction.
     */
    public Optional<Locked> lockUnlessBusy(Lease.Kind kind, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ensure = connection.prepareStatement(ENSURE)) {
                ensure.setString(1, kind.code());
                ensure.setString(2, key);
                ensure.executeUpdate();
            }
            return read(connection, LOCK_UNLESS_BUSY, kind, key);
        }
    }

    /** The lease's row locked, waiting for another transaction that has it; empty when there is none. */
    public Optional<Locked> lock(Lease.Kind kind, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, LOCK, kind, key);
        }
    }

    public void take(Lease.Kind kind, String key, String holder, UUID token, Duration ttl) throws SQLException {
        update(TAKE, holder, token, ttl.toMillis(), kind.code(), key);
    }

    /**
     * Takes the lease of a unit of work that has never had one (just made, under a new key), in one statement: its
     * row is written as held, and locked until the caller's transaction ends.
     *
     * @return false when the unit has a lease row already: then nothing is written
     */
    public boolean takeNew(Lease.Kind kind, String key, String holder, UUID token, Duration ttl) throws SQLException {
        return update(TAKE_NEW, kind.code(), key, holder, token, ttl.toMillis()) == 1;
    }

    /**
     * Extends the lease if this holding has it, locking its row until the caller's transaction ends.
     *
     * @return false when the row is gone or another holding's: then nothing is written
     */
    public boolean extend(Lease.Kind kind, String key, UUID token, Duration ttl) throws SQLException {
        return update(EXTEND, ttl.toMillis(), kind.code(), key, token) == 1;
    }

    /** Frees the lease if this holding still has it. */
    public void release(Lease.Kind kind, String key, UUID token) throws SQLException {
        update(RELEASE, kind.code(), key, token);
    }

    /** Lets every lease the holder has lapse now; returns how many. */
    public int expireHeldBy(String holder) throws SQLException {
        return update(EXPIRE_HELD_BY, holder);
    }

    private static Optional<Locked> read(Connection connection, String sql, Lease.Kind kind, String key)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, kind.code());
            query.setString(2, key);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Locked(new LeaseRow(result.getString(1), result.getObject(2, UUID.class),
                        instant(result, 3)), instant(result, 4)));
            }
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** {@code -infinity}, the time of a lease made free, reads as the earliest instant. */
    private static Instant instant(ResultSet result, int column) throws SQLException {
        OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
        return time == null ? Instant.MIN : time.toInstant();
    }
}
