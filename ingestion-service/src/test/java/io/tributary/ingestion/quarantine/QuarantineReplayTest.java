package io.tributary.ingestion.quarantine;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.acceptedRecordsOf;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.batch.RecordEvents;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class QuarantineReplayTest {

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @Inject
    CatalogFixtures fixtures;

    @Test
    void replaysRecordWhoseTextHeldNulAsItCameNotAsTheEscapedCopy() {
        fixtures.contract("notes", "/contracts/notes-with-note.yaml");
        String source = registerSource("notes");
        String row = "First,10,a\u0000b";
        String batch = upload(source, "Ship Mode,Sales,Note\n" + row + "\nSecond,20,ok\n");
        awaitCompleted(batch).body("accepted", is(1)).body("quarantined", is(1));
        given().queryParam("batch", batch).get("/api/quarantine").then()
                .body("[0].rule", is("text.nul"))
                .body("[0].field", is("note"))
                .body("[0].raw", is("First,10,a\\u0000b"));

        fixtures.newVersion("notes", "/contracts/notes-without-note.yaml");
        given().post("/api/quarantine/replay?batch=" + batch).then().statusCode(200)
                .body("accepted", is(1));
        given().get("/api/batches/" + batch).then().body("accepted", is(2)).body("quarantined", is(0));

        List<RecordEvent> replayed = acceptedRecordsOf(UUID.fromString(batch)).stream()
                .filter(e -> e.tributaryposition() == 2).toList();
        assertEquals(1, replayed.size());
        assertEquals(RecordEvents.id(source, row), replayed.get(0).id(),
                "the identity the record's own text gives, not its escaped copy's");
        assertEquals("First", replayed.get(0).data().get("ship_mode"));
        assertEquals(0, new BigDecimal("10").compareTo(new BigDecimal(replayed.get(0).data().get("sales").toString())));
    }
}
