package io.tributary.ingestion.batch;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.acceptedRecordsOf;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.BatchStatus;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.repository.QuarantineRepository;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.landing.LandingArchive;
import io.tributary.ingestion.source.SourceService;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * A service that died half-way through a batch leaves it PROCESSING in the catalog, its file in the landing archive and
 * perhaps some of its quarantine entries written. The next start takes it up again from the stored file.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class ResumeAtStartupTest {

    private static final String FILE = """
            Row ID,Order ID,Order Date,Region,Sales
            1,CA-1,1/5/2024,West,1
            2,CA-2,1/5/2024,East,2
            3,CA-3,1/5/2024,South,3
            4,CA-4,1/5/2024,,4
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
    QuarantineRepository quarantine;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @BeforeEach
    void storeContract() {
        fixtures.contract("sales", "/contracts/sales.yaml");
    }

    @Test
    void resumesBatchThatAnEarlierRunLeftProcessing() {
        String source = registerSource("sales");
        // what other tests left in flight would be resumed too: let it settle first
        await().atMost(Duration.ofSeconds(30)).until(() -> store.unfinished().isEmpty());

        UUID id = UUID.randomUUID();
        LandingArchive.StoredFile stored = archive.store(source, id, "left-behind.csv",
                new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)));
        QuarkusTransaction.requiringNew().run(() -> {
            BatchEntity batch = store.record(id, sources.get(source), "left-behind.csv", stored);
            batch.status = BatchStatus.PROCESSING;
            batch.startedAt = Instant.now();
            quarantine.persist(staleEntry(id));
        });
        given().get("/api/batches/" + id).then().body("status", is("PROCESSING"));

        scheduler.resumeUnfinished(new StartupEvent());

        awaitCompleted(id.toString())
                .body("received", is(4))
                .body("accepted", is(3))
                .body("quarantined", is(1));
        given().queryParam("batch", id.toString()).get("/api/quarantine").then()
                .body("size()", is(1))
                .body("[0].rule", is("required"))
                .body("[0].line", is(5))
                .body("[0].reason", not(is("written by the run that died")));
        List<RecordEvent> published = acceptedRecordsOf(id);
        assertEquals(3, published.size());
        assertEquals(Set.of("1", "2", "3"), published.stream().map(RecordEvent::subject).collect(Collectors.toSet()));
    }

    /** A quarantine entry the dead run wrote for a record it had got to: the resumed run writes its own instead. */
    private static QuarantinedRecordEntity staleEntry(UUID batch) {
        QuarantinedRecordEntity entry = new QuarantinedRecordEntity();
        entry.batchId = batch;
        entry.dataset = "sales";
        entry.position = 5;
        entry.field = "region";
        entry.rule = "required";
        entry.reason = "written by the run that died";
        entry.raw = "4,CA-4,1/5/2024,,4";
        return entry;
    }
}
