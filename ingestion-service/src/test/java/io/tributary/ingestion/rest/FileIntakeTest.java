package io.tributary.ingestion.rest;

import static io.restassured.RestAssured.given;
import static io.tributary.ingestion.IngestionApi.awaitCompleted;
import static io.tributary.ingestion.IngestionApi.registerSource;
import static io.tributary.ingestion.IngestionApi.upload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.event.RecordEventDeserializer;
import io.tributary.catalog.problem.Problem;
import io.tributary.catalog.security.Roles;
import io.tributary.ingestion.CatalogFixtures;
import io.tributary.ingestion.IngestionApi;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class FileIntakeTest {

    private static final String FILE = String.join("\r\n",
            "Row ID,Order ID,Order Date,Region,Sales,Internal Note",
            "1,CA-1,1/5/2024,West,12.50,keep out",
            "2,CA-1,1/5/2024,East,1000.5,\"x, y\"",
            "1,CA-1,1/5/2024,West,12.50,keep out",
            "3,CA-2,13/45/2024,West,3,x",
            "4,CA-2,1/6/2024,,3,x",
            "Person,Region",
            "2,CA-9,1/7/2024,East,99,x",
            "5,CA-3,1/6/2024,South,0.1234,x") + "\r\n";

    @Inject
    CatalogFixtures fixtures;

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ENGINEER);
    }

    @BeforeEach
    void storeContract() {
        fixtures.contract("sales", "/contracts/sales.yaml");
    }

    @Test
    void acceptsQuarantinesAndCountsDuplicatesOfUploadedFile() {
        String source = registerSource("sales");
        Response upload = given().contentType("text/csv").body(FILE)
                .when().post("/api/sources/" + source + "/files?fileName=sales-2024-01-05.csv");
        upload.then().statusCode(202).header("Location", containsString("/api/batches/"));
        String batch = upload.path("id");

        awaitCompleted(batch)
                .body("received", is(8))
                .body("accepted", is(3))
                .body("quarantined", is(4))
                .body("duplicates", is(1))
                .body("fileName", is("sales-2024-01-05.csv"))
                .body("contractVersion", is(1));

        List<Map<String, Object>> quarantined = given().queryParam("batch", batch)
                .when().get("/api/quarantine")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(List.of("logicalType", "required", "row.fieldCount", "primaryKey.unique"),
                quarantined.stream().map(q -> (String) q.get("rule")).toList());
        assertEquals(5, quarantined.get(0).get("line"));
        assertEquals("order_date", quarantined.get(0).get("field"));
        assertEquals("13/45/2024", quarantined.get(0).get("value"));
        assertEquals("3,CA-2,13/45/2024,West,3,x", quarantined.get(0).get("raw"));

        List<ConsumerRecord<String, RecordEvent>> published = publishedFor(UUID.fromString(batch), 3);
        assertEquals(Set.of("1", "2", "5"), published.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        RecordEvent first = published.stream().filter(r -> r.key().equals("1")).findFirst().orElseThrow().value();
        assertEquals("1.0", first.specversion());
        assertEquals(RecordEvent.ACCEPTED_TYPE, first.type());
        assertEquals("/tributary/sources/" + source, first.source());
        assertEquals("sales", first.tributarydataset());
        for (ConsumerRecord<String, RecordEvent> record : published) {
            assertEquals("sales", new String(record.headers().lastHeader(Channels.DATASET_HEADER).value(),
                    StandardCharsets.UTF_8), "the dataset header of record " + record.key());
        }
        assertEquals(2, first.tributaryposition());
        assertEquals("2024-01-05", first.data().get("order_date"));
        assertEquals(0, new BigDecimal("12.50").compareTo((BigDecimal) first.data().get("sales")));
        assertFalse(first.data().containsKey("Internal Note"));
    }

    @Test
    void givesSameRecordSameIdentityWhenUploadedAgain() {
        String source = registerSource("sales");
        String once = upload(source, FILE);
        String twice = given().contentType("text/csv").body(FILE)
                .post("/api/sources/" + source + "/files?force=true")
                .then().statusCode(202)
                .extract().path("id");
        awaitCompleted(once);
        awaitCompleted(twice);
        Set<UUID> first = publishedFor(UUID.fromString(once), 3).stream().map(r -> r.value().id())
                .collect(Collectors.toSet());
        Set<UUID> second = publishedFor(UUID.fromString(twice), 3).stream().map(r -> r.value().id())
                .collect(Collectors.toSet());
        assertEquals(first, second);
    }

    @Test
    void quarantinesRowContainingNulCharacter() {
        String source = registerSource("sales");
        String batch = upload(source,
                "Row ID,Order ID,Order Date,Region,Sales\n1,A\u0000B,1/5/2024,West,1\n2,C,1/5/2024,West,2\n");
        awaitCompleted(batch).body("accepted", is(1)).body("quarantined", is(1));
        given().queryParam("batch", batch).get("/api/quarantine")
                .then().body("[0].rule", is("text.nul"))
                .body("[0].raw", is("1,A\\u0000B,1/5/2024,West,1"));
    }

    @Test
    void failsBatchWhenDatasetHasNoContract() {
        String source = registerSource("no_contract");
        String batch = upload(source, FILE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/batches/" + batch)
                .then().body("status", is("FAILED"))
                .body("error", containsString("PUT one to /api/contracts/no_contract")));
    }

    @Test
    void keepsOnlyTheBaseOfUploadedFileName() {
        String source = registerSource("sales");
        given().contentType("text/csv").body(FILE)
                .when().post("/api/sources/" + source + "/files?fileName=../../etc/pass wd.csv")
                .then().statusCode(202)
                .body("fileName", is("pass_wd.csv"));
    }

    @Test
    void answersNotFoundWhenUploadingToUnknownSource() {
        given().contentType("text/csv").body(FILE)
                .when().post("/api/sources/nowhere/files")
                .then().statusCode(404)
                .body("detail", containsString("nowhere"));
    }

    @Test
    void refusesTypeThatSaysTheFileIsOfAnotherFormat() {
        String source = registerSource("sales");
        given().contentType("application/xml").body("<rows/>")
                .when().post("/api/sources/" + source + "/files")
                .then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("Content-Type 'application/xml' is not CSV"));
        given().contentType("application/json").body("{}")
                .when().post("/api/sources/" + source + "/files")
                .then().statusCode(415)
                .body("detail", containsString("text/csv"));
    }

    @Test
    void takesJsonFilesSentWithAJsonTypeAndNamesThemForTheFormat() {
        String ndjson = registerSource("sales", Map.of("format", "NDJSON"));
        String lines = """
                {"Row ID": 1, "Order ID": "WEB-1", "Order Date": "3/1/2024", "Region": "West", "Sales": 1.5}
                {"Row ID": 2, "Order ID": "WEB-1", "Order Date": "3/1/2024", "Region": "East", "Sales": 2}
                """;
        String batch = given().contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/sources/" + ndjson + "/files")
                .then().statusCode(202)
                .body("fileName", is("upload.ndjson"))
                .extract().path("id");
        awaitCompleted(batch).body("accepted", is(2));
        String json = registerSource("sales", Map.of("format", "JSON"));
        String array = given().contentType("application/json; charset=UTF-8")
                .body("[" + lines.strip().replace("\n", ",") + "]")
                .when().post("/api/sources/" + json + "/files")
                .then().statusCode(202)
                .body("fileName", is("upload.json"))
                .extract().path("id");
        awaitCompleted(array).body("accepted", is(2));
    }

    @Test
    void takesGzipFileByItsTypeOrItsEncoding() throws IOException {
        String source = registerSource("sales");
        byte[] gzip = gzip(FILE);
        String byEncoding = given().contentType("text/csv").header("Content-Encoding", "gzip").body(gzip)
                .when().post("/api/sources/" + source + "/files")
                .then().statusCode(202)
                .body("fileName", is("upload.csv.gz"))
                .extract().path("id");
        awaitCompleted(byEncoding).body("accepted", is(3));
        String byType = given().contentType("application/gzip").body(gzip)
                .when().post("/api/sources/" + source + "/files?force=true")
                .then().statusCode(202)
                .extract().path("id");
        awaitCompleted(byType).body("accepted", is(3));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void answersNotFoundForUnknownBatch() {
        given().get("/api/batches/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/batches/not-a-uuid").then().statusCode(404);
    }

    @Test
    void createsEachDatasetsTopicWithTheConfiguredPartitions() throws Exception {
        String source = registerSource("sales");
        awaitCompleted(upload(source, FILE));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerResource.bootstrapServers()))) {
            String topic = Channels.acceptedRecordsOf("sales");
            // the test broker makes one partition of a topic it creates itself; the configuration asks for two
            assertEquals(2, admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .size());
        }
    }

    private static List<ConsumerRecord<String, RecordEvent>> publishedFor(UUID batch, int expected) {
        List<ConsumerRecord<String, RecordEvent>> found = IngestionApi.consume(Channels.acceptedRecordsOf("sales"),
                new RecordEventDeserializer(), r -> r.value().tributarybatch().equals(batch), expected);
        assertEquals(expected, found.size(), "records published for batch " + batch);
        return found;
    }
}
