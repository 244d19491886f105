package io.tributary.ingestion.batch;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tributary.catalog.entity.BatchStatus;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.lease.LeaseLostException;
import io.tributary.catalog.lease.Leases;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.landing.LandingArchive;
import io.tributary.ingestion.source.SourceService;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * Several instances share the batches through leases in the catalog (decision 33); here the other instance is a lease
 * row another holder has, as it would have it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class BatchLeaseTest {

    private static final String FILE = """
            Row ID,Order ID,Order Date,Region,Sales
            1,CA-1,1/5/2024,West,1
            2,CA-2,1/5/2024,East,2
            """;

    @Inject
    CatalogFixtures fixtures;
    @Inject
    BatchScheduler scheduler;
    @Inject
    BatchStore store;
    @Inject
    SourceService sources;
    @Inject
    LandingArchive archive;
    @Inject
    Leases leases;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @BeforeEach
    void storeContract() {
        fixtures.contract("sales", "/contracts/sales.yaml");
    }

    @Test
    void leavesABatchAnotherInstanceHoldsAndTakesItUpOnceThatLeaseLapses() {
        UUID id = receivedBatch();
        fixtures.leaseHeldElsewhere(Lease.Kind.BATCH, id.toString(), Duration.ofHours(1));

        scheduler.process(id);
        scheduler.takeUpUnleased();
        given().get("/api/batches/" + id).then().body("status", is("RECEIVED"));

        fixtures.lapse(Lease.Kind.BATCH, id.toString());
        scheduler.takeUpUnleased();
        awaitCompleted(id.toString())
                .body("accepted", is(2))
                .body("processedBy", is(leases.holder()));
    }

    @Test
    void aWriteOfABatchTakenOverByAnotherInstanceIsRefusedAndTheWorkStops() {
        UUID id = receivedBatch();
        Lease lease = leases.acquire(Lease.Kind.BATCH, id.toString()).orElseThrow();
        // ours lapsed (a long pause, the catalog out of reach) and another instance took the batch over
        fixtures.leaseHeldElsewhere(Lease.Kind.BATCH, id.toString(), Duration.ofHours(1));

        LeaseLostException refused = assertThrows(LeaseLostException.class,
                () -> store.complete(id, lease, new BatchCounts(2, 2, 0, 0), Map.of(),
                        new BatchLifecycle(BatchLifecycle.Phase.COMPLETED, id, "orders", "orders", 1, "orders.csv",
                                List.of(), new BatchCounts(2, 2, 0, 0), null, Instant.now())));

        assertEquals("batch " + id + " is no longer held by " + leases.holder() + ": another-instance took it over",
                refused.getMessage());
        assertThrows(LeaseLostException.class, lease::ensureHeld);
        assertEquals(BatchStatus.RECEIVED, QuarkusTransaction.requiringNew().call(() -> store.get(id).status));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> store.get(id).accepted));

        // the other instance died in turn: the batch is this one's to finish
        fixtures.lapse(Lease.Kind.BATCH, id.toString());
        scheduler.takeUpUnleased();
        awaitCompleted(id.toString()).body("accepted", is(2));
    }

    @Test
    void aLeaseTakenInATransactionIsRenewedOnlyOnceThatTransactionCommits() {
        String key = "lease-" + UUID.randomUUID();
        Lease lease = QuarkusTransaction.requiringNew().call(() -> {
            Lease taken = leases.acquire(Lease.Kind.FOLDER_FILE, key).orElseThrow();
            // a renewal now would not find the lease, which the catalog has only once this commits
            assertFalse(leases.renews(taken));
            return taken;
        });
        assertTrue(leases.renews(lease));
        leases.release(lease);
        assertFalse(leases.renews(lease));

        List<Lease> rolledBack = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack.add(leases.acquire(Lease.Kind.FOLDER_FILE, "lease-" + UUID.randomUUID()).orElseThrow());
            throw new IllegalStateException("the work that took the lease failed");
        }));
        assertFalse(leases.renews(rolledBack.get(0)));
    }

    @Test
    void aBatchFinishedElsewhereIsNotProcessedAgainByTheNextHolder() {
        String source = registerSource("sales");
        String id = upload(source, FILE);
        String completedAt = awaitCompleted(id).extract().path("completedAt");

        scheduler.process(UUID.fromString(id));

        given().get("/api/batches/" + id).then().body("status", is("COMPLETED")).body("completedAt", is(completedAt));
    }

    @Test
    void aReplayWaitsForTheBatchsLeaseThenTakesOnlyWhatIsStillQuarantined() throws Exception {
        // a dataset of this test alone: its contract changes
        fixtures.contract("leased_orders", "/contracts/orders-strict.yaml");
        String source = registerSource("leased_orders");
        String batch = upload(source, "Row ID,Ship Mode,Sales\n1,First,10\n2,,20\n3,Second,x\n4,Same Day,40\n");
        awaitCompleted(batch).body("accepted", is(2)).body("quarantined", is(2));
        fixtures.newVersion("leased_orders", "/contracts/orders-relaxed.yaml");
        Lease held = leases.acquire(Lease.Kind.BATCH, batch).orElseThrow();

        CompletableFuture<ValidatableResponse> replay = CompletableFuture.supplyAsync(
                () -> given().post("/api/quarantine/replay?batch=" + batch).then().statusCode(200));
        Thread.sleep(1_000);
        assertFalse(replay.isDone(), "the replay waits while the batch is held");
        leases.release(held);

        replay.get(30, TimeUnit.SECONDS)
                .body("replayed", is(2))
                .body("accepted", is(1))
                .body("stillQuarantined", is(1));
        given().post("/api/quarantine/replay?batch=" + batch).then().statusCode(200)
                .body("replayed", is(1))
                .body("accepted", is(0));
        given().get("/api/batches/" + batch).then().body("accepted", is(3)).body("quarantined", is(1));
    }

    private UUID receivedBatch() {
        String source = registerSource("sales");
        UUID id = UUID.randomUUID();
        LandingArchive.StoredFile stored = archive.store(source, id, "leased.csv",
                new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)));
        QuarkusTransaction.requiringNew().run(() -> store.record(id, sources.get(source), "leased.csv", stored));
        return id;
    }
}
