package io.tributary.catalog.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tributary.local.LocalPostgres;

/**
 * The lease statements against a real PostgreSQL, as two instances run them, each in transactions of its own
 * connection; the decisions between them are {@link LeaseDecision}'s.
 */
class LeaseRepositoryTest {

    private static final Duration LONG = Duration.ofHours(1);

    private static LocalPostgres postgres;
    private Instance one;
    private Instance two;
    private String key;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start(null, 0);
        Flyway.configure().dataSource(postgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD)
                .schemas("catalog").locations("classpath:db/migration").outOfOrder(true).load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void connect() throws SQLException {
        one = new Instance("ingestion-1");
        two = new Instance("ingestion-2");
        key = UUID.randomUUID().toString();
    }

    @AfterEach
    void disconnect() throws SQLException {
        one.close();
        two.close();
    }

    @Test
    void oneInstanceTakesAFreeLeaseAndTheOtherFindsItBusy() throws SQLException {
        UUID token = one.acquire(key, LONG).orElseThrow();

        assertEquals(Optional.empty(), two.acquire(key, LONG));
        LeaseRepository.Locked seen = two.inTransaction(() -> two.leases.lockUnlessBusy(Lease.Kind.BATCH, key))
                .orElseThrow();
        assertEquals(new LeaseRow("ingestion-1", token, seen.row().expiresAt()), seen.row());
        assertTrue(seen.row().expiresAt().isAfter(seen.now().plus(Duration.ofMinutes(59))), seen.toString());
    }

    @Test
    void aLeaseBeingDecidedOnIsSkippedRatherThanWaitedFor() throws SQLException {
        one.connection.setAutoCommit(false);
        assertTrue(one.leases.lockUnlessBusy(Lease.Kind.BATCH, key).isPresent());
        one.connection.commit();
        assertTrue(one.leases.lockUnlessBusy(Lease.Kind.BATCH, key).isPresent(), "row locked by the first");

        long started = System.nanoTime();
        assertEquals(Optional.empty(), two.inTransaction(() -> two.leases.lockUnlessBusy(Lease.Kind.BATCH, key)));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
        one.connection.rollback();
    }

    @Test
    void aLapsedLeaseIsTakenOverAndItsFormerHolderFindsItLost() throws Exception {
        UUID first = one.acquire(key, Duration.ofMillis(1)).orElseThrow();
        Thread.sleep(20);

        UUID second = two.acquire(key, LONG).orElseThrow();

        LeaseRow row = one.inTransaction(() -> one.leases.lock(Lease.Kind.BATCH, key)).orElseThrow().row();
        assertEquals(new LeaseDecision.Lost("ingestion-2"), LeaseDecision.toKeep(row, first));
        assertEquals(new LeaseDecision.Extend(), LeaseDecision.toKeep(row, second));
    }

    @Test
    void extendingPushesTheExpiryBackForTheHoldingOnly() throws Exception {
        UUID token = one.acquire(key, Duration.ofMillis(1)).orElseThrow();
        Thread.sleep(20);
        two.inTransaction(() -> {
            two.leases.extend(Lease.Kind.BATCH, key, UUID.randomUUID(), LONG);
            return null;
        });
        assertEquals(new LeaseDecision.Take(), two.decideToAcquire(key));

        one.inTransaction(() -> {
            one.leases.extend(Lease.Kind.BATCH, key, token, LONG);
            return null;
        });
        assertTrue(two.decideToAcquire(key) instanceof LeaseDecision.Busy);
    }

    @Test
    void extendingSaysWhetherTheHoldingStillHadTheLease() throws Exception {
        UUID first = one.acquire(key, Duration.ofMillis(1)).orElseThrow();
        Thread.sleep(20);
        UUID second = two.acquire(key, LONG).orElseThrow();

        assertEquals(false, one.inTransaction(() -> one.leases.extend(Lease.Kind.BATCH, key, first, LONG)));
        assertEquals(true, two.inTransaction(() -> two.leases.extend(Lease.Kind.BATCH, key, second, LONG)));
        assertEquals(false, two.inTransaction(
                () -> two.leases.extend(Lease.Kind.BATCH, UUID.randomUUID().toString(), second, LONG)));
    }

    @Test
    void aNewUnitsLeaseIsTakenInOneStatementAsAcquiringWouldTakeIt() throws SQLException {
        UUID token = UUID.randomUUID();

        assertTrue(one.inTransaction(() -> one.leases.takeNew(Lease.Kind.BATCH, key, "ingestion-1", token, LONG)));

        LeaseRepository.Locked seen = two.inTransaction(() -> two.leases.lock(Lease.Kind.BATCH, key)).orElseThrow();
        assertEquals(new LeaseRow("ingestion-1", token, seen.row().expiresAt()), seen.row());
        assertTrue(seen.row().expiresAt().isAfter(seen.now().plus(Duration.ofMinutes(59))), seen.toString());
        assertTrue(two.decideToAcquire(key) instanceof LeaseDecision.Busy);
        assertEquals(new LeaseDecision.Extend(), LeaseDecision.toKeep(seen.row(), token));
        // a key that has a lease row, held or not, is not new: nothing is written
        assertEquals(false, two.inTransaction(
                () -> two.leases.takeNew(Lease.Kind.BATCH, key, "ingestion-2", UUID.randomUUID(), LONG)));
        assertEquals(seen.row(), two.inTransaction(() -> two.leases.lock(Lease.Kind.BATCH, key)).orElseThrow().row());
    }

    @Test
    void releaseFreesTheLeaseOfItsHoldingOnly() throws SQLException {
        UUID token = one.acquire(key, LONG).orElseThrow();

        two.inTransaction(() -> {
            two.leases.release(Lease.Kind.BATCH, key, UUID.randomUUID());
            return null;
        });
        assertTrue(two.decideToAcquire(key) instanceof LeaseDecision.Busy);

        one.inTransaction(() -> {
            one.leases.release(Lease.Kind.BATCH, key, token);
            return null;
        });
        assertEquals(Optional.empty(), one.inTransaction(() -> one.leases.lock(Lease.Kind.BATCH, key)));
        assertTrue(two.acquire(key, LONG).isPresent());
    }

    @Test
    void aRestartedInstanceLetsWhatItsEarlierRunHeldLapse() throws SQLException {
        String other = UUID.randomUUID().toString();
        one.acquire(key, LONG).orElseThrow();
        two.acquire(other, LONG).orElseThrow();

        int freed = one.inTransaction(() -> one.leases.expireHeldBy("ingestion-1"));

        assertTrue(freed >= 1, "freed " + freed);
        assertEquals(new LeaseDecision.Take(), two.decideToAcquire(key));
        assertTrue(one.decideToAcquire(other) instanceof LeaseDecision.Busy, "another holder's lease stays");
    }

    @Test
    void kindsOfWorkHaveLeasesOfTheirOwn() throws SQLException {
        one.acquire(key, LONG).orElseThrow();
        Optional<LeaseRepository.Locked> file = two.inTransaction(
                () -> two.leases.lockUnlessBusy(Lease.Kind.FOLDER_FILE, key));
        assertEquals(new LeaseDecision.Take(), LeaseDecision.toAcquire(file.orElseThrow().row(), file.get().now()));
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** One instance of a service: its own connection, each call below a transaction of it. */
    private static final class Instance {
        private final String name;
        private final Connection connection;
        private final LeaseRepository leases;

        Instance(String name) throws SQLException {
            this.name = name;
            this.connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER,
                    LocalPostgres.PASSWORD);
            this.leases = new LeaseRepository(new TransactionBound(connection));
        }

        /** Takes the lease as {@link Leases#acquire} does; the token when it was taken. */
        Optional<UUID> acquire(String key, Duration ttl) throws SQLException {
            return inTransaction(() -> {
                Optional<LeaseRepository.Locked> locked = leases.lockUnlessBusy(Lease.Kind.BATCH, key);
                if (locked.isEmpty() || !(LeaseDecision.toAcquire(locked.get().row(),
                        locked.get().now()) instanceof LeaseDecision.Take)) {
                    return Optional.empty();
                }
                UUID token = UUID.randomUUID();
                leases.take(Lease.Kind.BATCH, key, name, token, ttl);
                return Optional.of(token);
            });
        }

        LeaseDecision decideToAcquire(String key) throws SQLException {
            LeaseRepository.Locked locked = inTransaction(() -> leases.lockUnlessBusy(Lease.Kind.BATCH, key))
                    .orElseThrow();
            return LeaseDecision.toAcquire(locked.row(), locked.now());
        }

        <T> T inTransaction(Work<T> work) throws SQLException {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }

        void close() throws SQLException {
            connection.close();
        }
    }

    /** The connection of the transaction under way, as a pool gives it inside a transaction: closing it keeps it. */
    private record TransactionBound(Connection connection) implements DataSource {

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> method.getName().equals("close")
                            ? null
                            : method.invoke(connection, args));
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
