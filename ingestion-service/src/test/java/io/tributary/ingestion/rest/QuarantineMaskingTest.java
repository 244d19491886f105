package io.tributary.ingestion.rest;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

/** The quarantine as each role reads it: personal values masked for an analyst, as they came for the others. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class QuarantineMaskingTest {

    private static final String FILE = String.join("\n",
            "Customer ID,E-mail,Name,Segment,Visits",
            "c1,ann@example.com,Ann Smith,Consumer,3",
            "c2,not-an-address,\"Bo, Lee\",Corporate,1",
            "c3,cy@example.com,\"Cy \"\"Sr\"\" Doe\",,2",
            "c4,dee@example.com,Dee,Consumer,many",
            "c5,eve@example.com,Eve") + "\n";

    @Inject
    CatalogFixtures fixtures;

    @BeforeEach
    void storeContract() {
        TestTokens.signInAs(Roles.ENGINEER);
        fixtures.contract("customers", "/contracts/customers.yaml");
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    @Test
    void analystReadsDelimitedQuarantineWithPersonalValuesMasked() {
        String batch = upload(registerSource("customers"), FILE);
        awaitCompleted(batch);

        TestTokens.signInAs(Roles.ANALYST);
        List<Map<String, Object>> masked = quarantine(batch);
        assertEquals(List.of("pattern", "required", "logicalType", "row.fieldCount"),
                masked.stream().map(q -> q.get("rule")).toList());
        Map<String, Object> pattern = masked.get(0);
        assertEquals("email", pattern.get("field"));
        assertEquals("***", pattern.get("value"));
        assertFalse(((String) pattern.get("reason")).contains("not-an-address"), (String) pattern.get("reason"));
        assertEquals("c2,***,***,Corporate,1", pattern.get("raw"));
        assertEquals("c3,***,***,,2", masked.get(1).get("raw"));
        assertEquals("many", masked.get(2).get("value"));
        assertEquals("c4,***,***,Consumer,many", masked.get(2).get("raw"));
        assertEquals("***", masked.get(3).get("raw"), "a line that does not match its header is masked whole");

        for (String role : List.of(Roles.ADMIN, Roles.STEWARD, Roles.ENGINEER)) {
            TestTokens.signInAs(role);
            List<Map<String, Object>> plain = quarantine(batch);
            assertEquals("not-an-address", plain.get(0).get("value"), role);
            assertEquals("c2,not-an-address,\"Bo, Lee\",Corporate,1", plain.get(0).get("raw"), role);
            assertEquals("c3,cy@example.com,\"Cy \"\"Sr\"\" Doe\",,2", plain.get(1).get("raw"), role);
            assertEquals("c5,eve@example.com,Eve", plain.get(3).get("raw"), role);
        }
    }

    @Test
    void analystReadsJsonQuarantineWithPersonalMembersMasked() {
        String source = registerSource("customers", Map.of("format", "JSON"));
        String batch = given().contentType("application/json")
                .body("""
                        [{"Customer ID": "c1", "E-mail": "ann@example.com", "Name": "Ann", "Segment": "Consumer"},
                         {"Customer ID": "c2", "E-mail": "bo@example.com", "Name": "Bo", "Visits": 4}]""")
                .post("/api/sources/" + source + "/events")
                .then().statusCode(200)
                .extract().path("id");

        TestTokens.signInAs(Roles.ANALYST);
        List<Map<String, Object>> entries = quarantine(batch);
        Map<String, Object> entry = entries.get(0);
        assertEquals("schema.missingColumn", entry.get("rule"), entries.toString());
        String raw = (String) entry.get("raw");
        assertFalse(raw.contains("bo@example.com") || raw.contains("\"Bo\""), raw);
        assertTrue(raw.contains("\"E-mail\":\"***\"") && raw.contains("\"Name\":\"***\"") && raw.contains("c2"), raw);

        TestTokens.signInAs(Roles.STEWARD);
        assertTrue(((String) quarantine(batch).get(0).get("raw")).contains("bo@example.com"));
    }

    private static List<Map<String, Object>> quarantine(String batch) {
        return given().queryParam("batch", batch)
                .when().get("/api/quarantine")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
    }
}
