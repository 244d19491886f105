package io.tributary.ingestion.rest;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.parsing.Corpora;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/**
 * Every file of JSONTestSuite's parsing corpus pushed as events to a JSON source and to an NDJSON source: a file that
 * is not JSON ({@code n_}) is refused with a 4xx, no file gets a 5xx, and every push that is taken adds up.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class EventIntakeCorpusTest {

    @Inject
    CatalogFixtures fixtures;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @Test
    void refusesEveryFileThatIsNotJsonAndAnswersNoFileWithAServerError() throws IOException {
        fixtures.contract("sales", "/contracts/sales.yaml");
        List<String> wrong = new ArrayList<>();
        int pushes = 0;
        for (String format : List.of("JSON", "NDJSON")) {
            String source = registerSource("sales", Map.of("format", format));
            String type = format.equals("JSON") ? "application/json" : "application/x-ndjson";
            for (Path file : Corpora.jsonTestSuite()) {
                String name = file.getFileName().toString();
                Response answer = given().contentType(type).body(Files.readAllBytes(file))
                        .post("/api/sources/" + source + "/events");
                pushes++;
                int status = answer.statusCode();
                if (status >= 500) {
                    wrong.add(format + " " + name + ": " + status + " " + answer.asString());
                } else if (name.startsWith("n_") && format.equals("JSON") && status < 400) {
                    wrong.add(format + " " + name + ": not JSON, yet " + status);
                } else if (status < 300) {
                    int received = answer.path("received");
                    int parts = answer.<Integer>path("accepted") + answer.<Integer>path("quarantined")
                            + answer.<Integer>path("duplicates");
                    if (received == 0 || received != parts) {
                        wrong.add(format + " " + name + ": " + status + " with received " + received + " for "
                                + parts + " accepted, quarantined and duplicates");
                    }
                } else if (status != 400) {
                    wrong.add(format + " " + name + ": " + status + " " + answer.asString());
                }
            }
        }
        assertTrue(pushes > 600, "the whole corpus, twice: " + pushes);
        assertEquals(List.of(), wrong);
    }
}
