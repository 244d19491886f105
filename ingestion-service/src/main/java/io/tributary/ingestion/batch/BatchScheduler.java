package io.tributary.ingestion.batch;

import java.time.Duration;
import java.util.UUID;
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
import io.tributary.ingestion.config.IngestionConfig;

/**
 * Runs batch processing off the request thread: each batch once its receipt has committed, and at start-up every
 * batch an earlier run left unfinished.
 */
@ApplicationScoped
public class BatchScheduler {

    private static final Logger LOG = Logger.getLogger(BatchScheduler.class);

    private final BatchProcessor processor;
    private final BatchStore store;
    private final ExecutorService workers;
    private final ScheduledExecutorService retries;
    private final Duration retryDelay;
    private volatile boolean stopping;

    public BatchScheduler(BatchProcessor processor, BatchStore store, IngestionConfig config) {
        this.processor = processor;
        this.store = store;
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
    }

    void resumeUnfinished(@Observes StartupEvent startup) {
        for (UUID id : store.unfinished()) {
            LOG.infof("resuming batch %s", id);
            submit(id);
        }
    }

    void onReceived(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchReceived event) {
        submit(event.batchId());
    }

    private void submit(UUID id) {
        try {
            workers.execute(() -> process(id));
        } catch (RejectedExecutionException e) {
            LOG.infof("batch %s is left to the next start: the service is stopping", id);
        }
    }

    /**
     * Processes one batch on a worker. Whatever it throws, an {@link Error} such as {@link OutOfMemoryError}
     * included, is logged and sets the batch aside as FAILED with the reason, so it never stays PROCESSING unseen;
     * the worker goes on with the next batch. Only while the service stops is a batch left as it is, to be resumed
     * at the next start.
     */
    void process(UUID id) {
        BatchProcessor.Next next;
        try {
            next = processor.process(id);
        } catch (Throwable e) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                LOG.warnf(e, "batch %s was interrupted as the service stops; it is resumed at the next start", id);
                return;
            }
            LOG.errorf(e, "batch %s could not be processed", id);
            setAside(id, e);
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

    private void setAside(UUID id, Throwable cause) {
        try {
            processor.fail(id, "processing stopped unexpectedly (" + describe(cause)
                    + "); see the service log, then upload the file again");
        } catch (Throwable e) {
            e.addSuppressed(cause);
            LOG.errorf(e, "batch %s could not be marked FAILED; it is resumed at the next start", id);
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
