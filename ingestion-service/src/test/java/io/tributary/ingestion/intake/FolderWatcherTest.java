package io.tributary.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.lease.Lease;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.config.IngestionConfig;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class FolderWatcherTest {

    private static final String FILE = "Row ID,Order ID,Order Date,Region,Sales\n1,A,1/5/2024,West,10\n";

    @Inject
    CatalogFixtures fixtures;

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

    /** The drop root of the test profile; a source names its folder relative to it. */
    private static final Path DROP_ROOT = Path.of("target", "drop");

    private static Path dropFolder() throws IOException {
        Files.createDirectories(DROP_ROOT);
        return Files.createTempDirectory(DROP_ROOT, "drop-");
    }

    @Test
    void takesDroppedFileOnceItStopsGrowingAndArchivesIt() throws IOException {
        Path folder = dropFolder();
        String source = registerSource("sales", Map.of("dropFolder", folder.getFileName().toString()));
        Files.writeString(folder.resolve("sales-2024-01-05.csv"), FILE);
        Files.writeString(folder.resolve("still-writing.csv.part"), FILE);

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("archive/sales-2024-01-05.csv")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/sources/" + source + "/batches")
                .then().body("[0].fileName", is("sales-2024-01-05.csv")).body("[0].status", is("COMPLETED")));
        assertTrue(Files.exists(folder.resolve("still-writing.csv.part")), "partial files are left alone");
    }

    @Test
    void leavesAFileToTheInstanceTakingItAndTakesItOnceThatOneDied() throws IOException {
        Path folder = dropFolder();
        String source = registerSource("sales", Map.of("dropFolder", folder.getFileName().toString()));
        fixtures.leaseHeldElsewhere(Lease.Kind.FOLDER_FILE, source + "/taken-elsewhere.csv", Duration.ofHours(1));
        Files.writeString(folder.resolve("taken-elsewhere.csv"), FILE);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(folder.resolve("taken-elsewhere.csv")));
        given().get("/api/sources/" + source + "/batches").then().body("size()", is(0));

        fixtures.lapse(Lease.Kind.FOLDER_FILE, source + "/taken-elsewhere.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("archive/taken-elsewhere.csv")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/sources/" + source + "/batches")
                .then().body("size()", is(1)).body("[0].status", is("COMPLETED")));
    }

    @Test
    void leavesFilesOfDisabledSourceUntilItIsEnabledAgain() throws IOException {
        Path folder = dropFolder();
        String source = registerSource("sales", Map.of("dropFolder", folder.getFileName().toString()));
        given().post("/api/sources/" + source + "/disable").then().statusCode(200);
        given().contentType("application/json")
                .body(Map.of("dataset", "sales", "format", "CSV", "dropFolder", folder.getFileName().toString()))
                .put("/api/sources/" + source).then().statusCode(200);
        Files.writeString(folder.resolve("late.csv"), FILE);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(folder.resolve("late.csv")));
        given().post("/api/sources/" + source + "/enable").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("archive/late.csv")));
    }

    @Test
    void refusesADropFolderOutsideTheDropRoot() throws IOException {
        Path outside = Files.createTempDirectory("outside-");
        Files.writeString(outside.resolve("secret.csv"), FILE);
        Path link = DROP_ROOT.resolve("link-out-" + outside.getFileName());
        Files.createDirectories(DROP_ROOT);
        Files.createSymbolicLink(link, outside);
        for (String folder : List.of(outside.toString(), "../" + outside.getFileName(), "a/../../etc",
                link.getFileName().toString(), link.getFileName() + "/inner")) {
            given().contentType("application/json")
                    .body(Map.of("name", "outside", "dataset", "sales", "format", "CSV", "dropFolder", folder))
                    .post("/api/sources")
                    .then().statusCode(400).body(containsString("dropFolder"));
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(outside.resolve("secret.csv")));
    }

    @Test
    void setsAsideFileThatCannotBeTakenWithTheReasonAndGoesOnWithTheOthers() throws IOException {
        Path broken = dropFolder();
        String blocked = registerSource("sales", Map.of("dropFolder", broken.getFileName().toString()));
        // a file where the source's folder of the landing archive must be: nothing of this source can be stored
        Files.createDirectories(config.landingDir());
        Files.writeString(config.landingDir().resolve(blocked), "not a folder");
        Path working = dropFolder();
        String source = registerSource("sales", Map.of("dropFolder", working.getFileName().toString()));
        Files.writeString(broken.resolve("first.csv"), FILE);
        Files.writeString(working.resolve("second.csv"), FILE);

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(broken.resolve("failed/first.csv.error")));
        assertTrue(Files.readString(broken.resolve("failed/first.csv.error")).contains("landing archive"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(working.resolve("archive/second.csv")));
        Files.writeString(broken.resolve("third.csv"), FILE);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(broken.resolve("failed/third.csv.error")));
        given().get("/api/sources/" + source + "/batches").then().body("[0].fileName", is("second.csv"));
    }
}
