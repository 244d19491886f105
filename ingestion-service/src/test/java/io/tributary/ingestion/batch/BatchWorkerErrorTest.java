package io.tributary.ingestion.batch;

import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.awaitStatus;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.ingestion.messaging.AlertPublisher;
import io.tributary.ingestion.messaging.RecordPublisher;
import io.tributary.ingestion.parsing.ReadLimits;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class BatchWorkerErrorTest {

    private static final String FILE = "Row ID,Order ID,Order Date,Region,Sales\n%d,CA-1,1/5/2024,West,1\n";

    @Inject
    CatalogFixtures fixtures;
    @Inject
    BatchStore store;
    @Inject
    RecordPublisher publisher;
    @Inject
    AlertPublisher alerts;
    @Inject
    Event<BatchLifecycle> lifecycle;
    @Inject
    MeterRegistry meters;
    @Inject
    IngestionConfig config;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @BeforeEach
    void storeContract() {
        fixtures.contract("sales", "/contracts/sales.yaml");
    }

    @Test
    void failsBatchWithReadableReasonWhenItsWorkerHitsAnErrorAndKeepsTheWorkersGoing() {
        String doomed = registerSource("sales");
        QuarkusMock.installMockForType(new ErrorThrowingProcessor(Set.of(doomed)), BatchProcessor.class);

        List<String> failed = new ArrayList<>();
        for (int i = 0; i <= config.workers(); i++) {
            failed.add(upload(doomed, FILE.formatted(i + 1)));
        }
        for (String batch : failed) {
            awaitStatus(batch, "FAILED")
                    .body("error", containsString("processing stopped unexpectedly"))
                    .body("error", containsString("OutOfMemoryError: Java heap space"))
                    .body("completedAt", notNullValue());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fixtures.lineage(batch).stream()
                    .filter(e -> e.get("eventType").asText().equals("FAIL"))
                    .map(e -> e.at("/run/facets/errorMessage/message").asText()).toList(),
                    hasItem(containsString("OutOfMemoryError"))));
        }

        String healthy = registerSource("sales");
        awaitCompleted(upload(healthy, FILE.formatted(1))).body("accepted", is(1));
    }

    /** Runs out of memory, as far as anyone can tell, on every batch of the given sources. */
    private final class ErrorThrowingProcessor extends BatchProcessor {

        private final Set<String> sources;

        ErrorThrowingProcessor(Set<String> sources) {
            super(store, publisher, alerts, lifecycle, meters, config, ReadLimits.DEFAULT);
            this.sources = sources;
        }

        @Override
        public Next process(UUID batchId, Lease lease) {
            if (sources.contains(store.get(batchId).source)) {
                throw new OutOfMemoryError("Java heap space");
            }
            return super.process(batchId, lease);
        }
    }
}
