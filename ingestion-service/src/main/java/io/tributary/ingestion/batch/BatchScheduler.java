package io.tributary.ingestion.batch;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lease.LeaseConfig;
import io.tributary.catalog.lease.LeaseLostException;
import io.tributary.catalog.lease.Leases;
import io.tributary.ingestion.config.IngestionConfig;

/**
 * Runs batch processing off the request thread: each batch once its receipt has committed, and every unfinished
 * batch that no instance holds, looked for at start-up and then at every lease renewal: left by an earlier run, or by
 * another instance that died (decision 33). A batch is processed by the holder of its lease alone.
 */
@ApplicationScoped
public class BatchScheduler {

    private static final Logger LOG = Logger.getLogger(BatchScheduler.class);
    /** How many unleased batches one look takes up at most; the next look takes the rest. */
    private static final int TAKE_UP = 100;

    private final BatchProcessor processor;
    private final BatchStore store;
    private final Leases leases;
    private final ExecutorService workers;
    private final ScheduledExecutorService retries;
    private final Duration retryDelay;
    private final Duration lookEvery;
    /** Batches waiting for a worker of this instance or being processed by one, so none is queued twice. */
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public BatchScheduler(BatchProcessor processor, BatchStore store, Leases leases, IngestionConfig config,
            LeaseConfig leaseConfig) {
        this.processor = processor;
        this.store = store;
        this.leases = leases;
        this.workers = Executors.newFixedThreadPool(config.workers(), runnable -> {
            Thread thread = new Thread(runnable, "batch-worker");
            thread.setDaemon(true);
            return thread;
        });
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "batch-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.retryDelay = config.retryDelay();
        this.lookEvery = leaseConfig.renewInterval();
    }

    void resumeUnfinished(@Observes StartupEvent startup) {
        takeUpUnleased();
        long every = lookEvery.toMillis();
        retries.scheduleWithFixedDelay(this::takeUpUnleased, every, every, TimeUnit.MILLISECONDS);
    }

    void onReceived(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchReceived event) {
        submit(event.batchId());
    }

    /** Queues every unfinished batch no instance holds; a failure (the catalog unreachable) waits for the next look. */
    void takeUpUnleased() {
        try {
            leases.freeEarlierRun();
            for (UUID id : store.unleased(TAKE_UP)) {
                if (submit(id)) {
                    LOG.infof("taking up batch %s, which no instance holds", id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("unfinished batches could not be looked for (looked for again in %s): %s", lookEvery,
                    e.getMessage());
        }
    }

    /** @return whether the batch was queued; false when this instance has it queued already */
    private boolean submit(UUID id) {
        if (!queued.add(id)) {
            return false;
        }
        try {
            workers.execute(() -> {
                try {
                    process(id);
                } finally {
                    queued.remove(id);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            queued.remove(id);
            LOG.infof("batch %s is left to the next start or another instance: the service is stopping", id);
            return false;
        }
    }

    /**
     * Processes one batch on a worker if its lease can be taken; another instance holding it does it. Whatever the
     * processing throws, an {@link Error} such as {@link OutOfMemoryError} included, is logged and sets the batch aside
     * as FAILED with the reason, so it never stays PROCESSING unseen; the worker goes on with the next batch. Only
     * while the service stops, or once another instance took the batch over, is it left as it is.
     */
    void process(UUID id) {
        Optional<Lease> lease;
        try {
            lease = leases.acquire(Lease.Kind.BATCH, id.toString());
        } catch (RuntimeException e) {
            LOG.warnf("batch %s waits: its lease could not be taken (%s); it is looked for again in %s", id,
                    e.getMessage(), lookEvery);
            return;
        }
        if (lease.isEmpty()) {
            LOG.debugf("batch %s is being processed by another instance", id);
            return;
        }
        try {
            process(id, lease.get());
        } finally {
            leases.release(lease.get());
        }
    }

    private void process(UUID id, Lease lease) {
        BatchProcessor.Next next;
        try {
            next = processor.process(id, lease);
        } catch (LeaseLostException e) {
            LOG.warnf("batch %s stops here: %s", id, e.getMessage());
            return;
        } catch (Throwable e) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                LOG.warnf(e, "batch %s was interrupted as the service stops; it is resumed at the next start", id);
                return;
            }
            LOG.errorf(e, "batch %s could not be processed", id);
            setAside(id, lease, e);
            return;
        }
        if (next == BatchProcessor.Next.RETRY_LATER) {
            try {
                retries.schedule(() -> submit(id), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.infof("batch %s waits for Kafka and is resumed at the next start: the service is stopping", id);
            }
        }
    }

    private void setAside(UUID id, Lease lease, Throwable cause) {
        try {
            processor.fail(id, lease, "processing stopped unexpectedly (" + describe(cause)
                    + "); see the service log, then upload the file again");
        } catch (LeaseLostException e) {
            LOG.warnf("batch %s is not set aside: %s", id, e.getMessage());
        } catch (Throwable e) {
            e.addSuppressed(cause);
            LOG.errorf(e, "batch %s could not be marked FAILED; it is taken up again once its lease lapses", id);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        retries.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
