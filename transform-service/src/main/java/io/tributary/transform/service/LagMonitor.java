package io.tributary.transform.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.tributary.transform.messaging.AcceptedRecordsLag;
import io.tributary.transform.messaging.KafkaFailures;

/**
 * Measures every few seconds how far the pipelines are behind the topics of the datasets they read and shows it in
 * Prometheus ({@code tributary_transform_lag_records}, {@code tributary_transform_lag_seconds}): the datasets added up
 * (a pipeline's own is in {@code GET /api/pipelines/{name}}). A scrape reads the last measure and never waits for
 * Kafka.
 */
@ApplicationScoped
public class LagMonitor {

    private static final Logger LOG = Logger.getLogger(LagMonitor.class);
    private static final long PERIOD_SECONDS = 5;

    private final AcceptedRecordsLag lag;
    private final AtomicReference<AcceptedRecordsLag.Lag> last = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pipeline-lag");
        thread.setDaemon(true);
        return thread;
    });

    public LagMonitor(AcceptedRecordsLag lag, MeterRegistry meters) {
        this.lag = lag;
        Gauge.builder("tributary.transform.lag.records", last, l -> l.get() == null ? Double.NaN : l.get().records())
                .description("Accepted records not applied yet").register(meters);
        Gauge.builder("tributary.transform.lag.seconds", last,
                l -> l.get() == null ? Double.NaN : l.get().behind().toMillis() / 1000.0)
                .description("How long the oldest accepted record not applied yet has waited").register(meters);
    }

    void start(@Observes StartupEvent startup) {
        timer.scheduleWithFixedDelay(this::measure, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void measure() {
        try {
            last.set(lag.measure());
        } catch (Exception | Error e) {
            // an Error too: a scheduled task that throws is never run again, and the lag would stop being measured
            if (KafkaFailures.isPermanent(e)) {
                LOG.warnf("lag not measured, Kafka refuses to tell it: %s", KafkaFailures.describe(e));
            } else {
                LOG.debugf("lag not measured: %s", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
