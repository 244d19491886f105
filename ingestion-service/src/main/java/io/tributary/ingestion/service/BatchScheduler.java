package io.tributary.ingestion.service;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        workers.submit(() -> {
            try {
                if (processor.process(id) == BatchProcessor.Next.RETRY_LATER) {
                    retries.schedule(() -> submit(id), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "batch %s could not be processed", id);
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        retries.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
