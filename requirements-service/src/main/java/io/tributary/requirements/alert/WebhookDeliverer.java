package io.tributary.requirements.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tributary.requirements.config.RequirementsConfig;
import io.tributary.requirements.repository.AlertRepository;
import io.tributary.requirements.stakeholder.WebhookPolicy;

/**
 * POSTs owed alert deliveries to stakeholders' webhooks as CloudEvents (structured JSON), retrying with back-off until
 * a 2xx answer or the attempts run out. A URL no longer on the allow-list is given up at once. Deliveries are leased
 * while being tried, so that several instances never send one twice at the same time (decision 0022).
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    private static final int BATCH = 50;

    private final AlertRepository alerts;
    private final WebhookPolicy policy;
    private final RetryPolicy retries;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookDeliverer(AlertRepository alerts, RequirementsConfig config) {
        this.alerts = alerts;
        this.policy = new WebhookPolicy(config.webhooks().allowedHosts());
        this.retries = new RetryPolicy(config.webhooks().attempts(), config.webhooks().firstRetry());
        this.timeout = config.webhooks().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${tributary.requirements.webhooks.interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        deliver(Instant.now());
    }

    /** Tries every delivery due at {@code now}; the number tried. */
    public int deliver(Instant now) {
        List<Delivery> due = QuarkusTransaction.requiringNew()
                .call(() -> alerts.takeDue(now, now.plus(timeout.multipliedBy(3)), BATCH));
        for (Delivery delivery : due) {
            int attempts = delivery.attempts() + 1;
            Optional<String> error = policy.refusal(delivery.url()).map(reason -> "refused: " + reason)
                    .or(() -> post(delivery));
            Instant at = Instant.now();
            if (error.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> alerts.delivered(delivery.id(), attempts, at));
                continue;
            }
            Optional<Instant> retryAt = error.get().startsWith("refused: ")
                    ? Optional.empty()
                    : retries.next(attempts, at);
            LOG.warnf("webhook delivery %d of alert %s to %s failed (attempt %d): %s%s", delivery.id(),
                    delivery.alertId(), delivery.url(), attempts, error.get(),
                    retryAt.map(t -> "; next attempt at " + t).orElse("; given up"));
            QuarkusTransaction.requiringNew().run(() -> alerts.failed(delivery.id(), attempts, error.get(),
                    retryAt.orElse(null), at));
        }
        return due.size();
    }

    private Optional<String> post(Delivery delivery) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                    .header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2
                    ? Optional.empty()
                    : Optional.of("answered HTTP " + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (Exception e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
