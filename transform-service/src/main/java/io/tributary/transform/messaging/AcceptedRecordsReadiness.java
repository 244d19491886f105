package io.tributary.transform.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the live consumer of accepted records reads; not ready, with the reason, while Kafka refuses to create it
 * or its last try to read failed. Without it, a consumer that could never start would leave the service ready while
 * no record is applied.
 */
@Readiness
@ApplicationScoped
public class AcceptedRecordsReadiness implements HealthCheck {

    static final String NAME = "accepted-records consumer";

    private final AcceptedRecordsConsumer consumer;

    public AcceptedRecordsReadiness(AcceptedRecordsConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return consumer.failure()
                .map(reason -> HealthCheckResponse.named(NAME).down().withData("reason", reason).build())
                .orElseGet(() -> HealthCheckResponse.named(NAME).up()
                        .withData("topics", consumer.subscribed().size())
                        .withData("partitions", consumer.assigned().size())
                        .build());
    }
}
