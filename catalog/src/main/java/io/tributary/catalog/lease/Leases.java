package io.tributary.catalog.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Leases on units of work shared by the instances of a service (decision 33): one instance takes a unit, renews its
 * lease while it works, and confirms it in the transaction of each write; a lease its holder let lapse is taken by
 * another instance, which does the work again. The rules are {@link LeaseDecision}'s; this executes them.
 */
@ApplicationScoped
public class Leases {

    private static final Logger LOG = Logger.getLogger(Leases.class);

    private final LeaseRepository repository;
    private final LeaseConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final String holder;
    private final Set<Lease> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer;
    private volatile boolean reclaimed;

    public Leases(LeaseRepository repository, LeaseConfig config, TransactionSynchronizationRegistry transactions) {
        this.repository = repository;
        this.config = config;
        this.transactions = transactions;
        Optional<String> named = config.instance().filter(name -> !name.isBlank());
        this.holder = named.orElseGet(Leases::hostAndProcess);
        // a name made of the process id is new to the catalog: there is nothing of an earlier run to free
        this.reclaimed = named.isEmpty();
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lease-renewer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PostConstruct
    void startRenewing() {
        long every = config.renewInterval().toMillis();
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** This instance, as the leases it holds name it. */
    public String holder() {
        return holder;
    }

    /**
     * Takes the lease on a unit of work, in the caller's transaction if there is one (it then holds once that commits),
     * else in its own.
     *
     * @return the lease, renewed until {@link #release}; empty when another holding has it
     */
    public Optional<Lease> acquire(Lease.Kind kind, String key) {
        freeEarlierRun();
        Optional<Lease> taken = QuarkusTransaction.joiningExisting().call(() -> {
            Optional<LeaseRepository.Locked> locked = sql(() -> repository.lockUnlessBusy(kind, key));
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            LeaseDecision decision = LeaseDecision.toAcquire(locked.get().row(), locked.get().now());
            if (!(decision instanceof LeaseDecision.Take)) {
                return Optional.empty();
            }
            Lease lease = new Lease(kind, key, UUID.randomUUID(), holder);
            sql(() -> {
                repository.take(kind, key, holder, lease.token(), config.ttl());
                return null;
            });
            return Optional.of(lease);
        });
        taken.ifPresent(this::renewOnceCommitted);
        return taken;
    }

    /**
     * Takes the lease on a unit of work made in the caller's transaction under a new key, which no holding can have
     * yet, in one statement instead of {@link #acquire}'s three; it holds once that transaction commits.
     *
     * @return the lease, renewed until {@link #release}; empty when the key has a lease already
     */
    public Optional<Lease> acquireNew(Lease.Kind kind, String key) {
        freeEarlierRun();
        Optional<Lease> taken = QuarkusTransaction.joiningExisting().call(() -> {
            Lease lease = new Lease(kind, key, UUID.randomUUID(), holder);
            return sql(() -> repository.takeNew(kind, key, holder, lease.token(), config.ttl()))
                    ? Optional.of(lease)
                    : Optional.<Lease>empty();
        });
        taken.ifPresent(this::renewOnceCommitted);
        return taken;
    }

    /**
     * Whether this instance renews the lease: from the commit of the transaction that took it until {@link #release}
     * or its loss.
     */
    public boolean renews(Lease lease) {
        return held.contains(lease);
    }

    /**
     * A lease taken in the caller's transaction is the catalog's only once that commits: a renewal before would find
     * no such lease and take it for lost. One rolled back was never taken.
     */
    private void renewOnceCommitted(Lease lease) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            held.add(lease);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: the lease row is written with the caller's work
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    held.add(lease);
                }
            }
        });
    }

    /**
     * Confirms, in the caller's transaction, that this holding still has the lease, and extends it: a write made in
     * the same transaction is the holder's, and no other instance can take the lease before that transaction ends.
     *
     * @throws LeaseLostException if another holding took it; the caller's transaction then rolls back
     */
    public void confirm(Lease lease) {
        lease.ensureHeld();
        QuarkusTransaction.joiningExisting().run(() -> {
            // ours (the row has our token): extended in one statement, which is the decision's Extend
            if (sql(() -> repository.extend(lease.kind(), lease.key(), lease.token(), config.ttl()))) {
                return;
            }
            Optional<LeaseRepository.Locked> locked = sql(() -> repository.lock(lease.kind(), lease.key()));
            LeaseDecision decision = LeaseDecision.toKeep(locked.map(LeaseRepository.Locked::row).orElse(null),
                    lease.token());
            if (decision instanceof LeaseDecision.Lost lost) {
                held.remove(lease);
                lease.lose(lost.holder());
                throw new LeaseLostException(lease, lost.holder());
            }
            sql(() -> repository.extend(lease.kind(), lease.key(), lease.token(), config.ttl()));
        });
    }

    /**
     * Frees the lease once the work is done (or given up), so that the next holder need not wait for it to lapse. A
     * failure is only logged: the lease then lapses.
     */
    public void release(Lease lease) {
        held.remove(lease);
        try {
            QuarkusTransaction.requiringNew().run(() -> sql(() -> {
                repository.release(lease.kind(), lease.key(), lease.token());
                return null;
            }));
        } catch (RuntimeException e) {
            LOG.warnf("%s could not be released; it lapses in %s: %s", lease, config.ttl(), e.getMessage());
        }
    }

    /** Renews every lease held, each in a transaction of its own; one that was taken over stops its work. */
    void renewAll() {
        for (Lease lease : held) {
            try {
                QuarkusTransaction.requiringNew().run(() -> confirm(lease));
            } catch (LeaseLostException e) {
                LOG.warnf("%s", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf("%s could not be renewed (tried again in %s): %s", lease, config.renewInterval(),
                        e.getMessage());
            }
        }
    }

    /**
     * Once per start of a named instance: what a previous process of the same name held lapses now, as that process
     * is dead, so that its work is taken up at once instead of after the lease's time. Done by the first lease
     * taken; a service calls it before it first looks for work to take up.
     */
    public void freeEarlierRun() {
        if (reclaimed) {
            return;
        }
        synchronized (this) {
            if (reclaimed) {
                return;
            }
            int freed = QuarkusTransaction.requiringNew().call(() -> sql(() -> repository.expireHeldBy(holder)));
            if (freed > 0) {
                LOG.infof("%d leases of an earlier run of %s are free to take again", freed, holder);
            }
            reclaimed = true;
        }
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Sql<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("the catalog's leases cannot be reached: " + e.getMessage(), e);
        }
    }

    private static String hostAndProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
