package io.tributary.requirements.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.AlertEvent;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.problem.Problem;
import io.tributary.catalog.security.Roles;
import io.tributary.requirements.alert.WebhookDeliverer;
import io.tributary.requirements.slo.SloEvaluator;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;
import io.tributary.testinfra.SecurityResource;
import io.tributary.testinfra.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(SecurityResource.class)
class SloResourceTest {

    @Inject
    DataSource dataSource;

    @Inject
    SloEvaluator evaluator;

    @Inject
    WebhookDeliverer deliverer;

    private CatalogFacts catalog;

    /** Other test classes empty the datasets, which the pipelines written here refer to. */
    @AfterEach
    void removePipelines() throws Exception {
        new CatalogFacts(dataSource).empty();
    }

    @BeforeEach
    void signIn() {
        TestTokens.signInAs(Roles.ADMIN);
    }

    @BeforeEach
    void emptyCatalog() throws Exception {
        RequirementsData.empty(dataSource);
        catalog = new CatalogFacts(dataSource);
        catalog.empty();
        catalog.pipeline("sales", "sales");
    }

    @Test
    void aFreshnessObjectiveIsMetThenViolatedWithAnAlertThenMetAgain() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver(1)) {
            long id = confirmedFreshness(webhook.url(), 20);
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            catalog.applied("sales", t0);

            evaluator.cycle(t0.plusSeconds(5));
            given().when().get("/api/slos/{id}", id)
                    .then().statusCode(200)
                    .body("state", equalTo("MET"))
                    .body("value", equalTo(5.0f))
                    .body("unit", equalTo("s"))
                    .body("threshold", equalTo(20.0f))
                    .body("confirmation", equalTo("CONFIRMED"))
                    .body("budgetLeft", equalTo(1.0f));

            evaluator.cycle(t0.plusSeconds(30));
            given().when().get("/api/slos")
                    .then().statusCode(200)
                    .body("find { it.id == " + id + " }.state", equalTo("VIOLATED"))
                    .body("find { it.id == " + id + " }.value", equalTo(30.0f))
                    .body("find { it.id == " + id + " }.lastViolationAt", startsWith("20"));
            given().queryParam("state", "OPEN").when().get("/api/alerts")
                    .then().statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].kind", equalTo("OBJECTIVE_VIOLATED"))
                    .body("[0].severity", equalTo("PAGE"))
                    .body("[0].summary", containsString("is violated: freshness of pipeline 'sales' is 30.000 s"))
                    .body("[0].details.target.name", equalTo("sales"));

            catalog.applied("sales", t0.plusSeconds(35));
            evaluator.cycle(t0.plusSeconds(40));
            given().when().get("/api/slos/{id}", id).then().body("state", equalTo("MET"));
            given().queryParam("requirement", id).when().get("/api/alerts")
                    .then().body("[0].state", equalTo("RESOLVED"))
                    .body("[0].resolvedAt", startsWith("20"));

            List<AlertEvent> events = events("/api/requirements/" + id, 2);
            assertEquals(List.of(AlertEvent.REQUIREMENT_OPENED_TYPE, AlertEvent.REQUIREMENT_RESOLVED_TYPE),
                    events.stream().map(AlertEvent::type).toList());
            assertEquals("/api/requirements/" + id, events.get(0).subject());
            assertEquals("OBJECTIVE_VIOLATED", events.get(0).data().get("kind"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                deliverer.deliver(Instant.now().plusSeconds(60));
                assertEquals(2, webhook.bodies().size(), "both calls, the first after a 503 and a retry");
            });
            // the two calls may be sent in either order: whichever came first met the 503 and was retried
            assertTrue(webhook.bodies().stream().anyMatch(b -> b.contains(AlertEvent.REQUIREMENT_OPENED_TYPE)),
                    webhook.bodies()::toString);
            assertTrue(webhook.bodies().stream().anyMatch(b -> b.contains(AlertEvent.REQUIREMENT_RESOLVED_TYPE)),
                    webhook.bodies()::toString);
            given().queryParam("requirement", id).when().get("/api/alerts")
                    .then().body("[0].deliveries.attempts", containsInAnyOrder(1, 2))
                    .body("[0].deliveries.deliveredAt", everyItem(startsWith("20")));

            given().queryParam("from", t0.toString()).queryParam("to", t0.plusSeconds(60).toString())
                    .queryParam("step", "PT10S")
                    .when().get("/api/slos/{id}/history", id)
                    .then().statusCode(200)
                    .body("step", equalTo("PT10S"))
                    .body("points.state", equalTo(List.of("MET", "VIOLATED", "MET")))
                    .body("points.start", equalTo(List.of(t0.toString(), t0.plusSeconds(30).toString(),
                            t0.plusSeconds(40).toString())));
        }
    }

    @Test
    void exportsGaugesPerObjective() throws Exception {
        long id = confirmedFreshness(null, 20);
        Instant t0 = Instant.now();
        catalog.applied("sales", t0);
        evaluator.cycle(t0.plusSeconds(3));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String gauge : List.of("tributary_slo_value", "tributary_slo_threshold", "tributary_slo_target",
                "tributary_slo_state", "tributary_slo_budget_left")) {
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith(gauge + "{") && line.contains(
                    "requirement=\"" + id + "\"")), gauge + " in " + metrics.lines().filter(l -> l.contains("slo"))
                            .toList());
        }
    }

    @Test
    void anObjectiveWithoutDataIsNoDataAndADraftRaisesNoAlert() throws Exception {
        long goal = RequirementsData.goal();
        long stakeholder = RequirementsData.marketing(null);
        long draft = RequirementsData.freshnessRequirement(goal, stakeholder,
                "{\"type\":\"PIPELINE\",\"name\":\"sales\"}", 20);
        long unknownPipeline = RequirementsData.freshnessRequirement(goal, stakeholder,
                "{\"type\":\"PIPELINE\",\"name\":\"returns\"}", 20);
        RequirementsData.confirm(unknownPipeline);
        Instant t0 = Instant.now();
        catalog.applied("sales", t0);

        evaluator.cycle(t0.plusSeconds(100));
        given().when().get("/api/slos/{id}", draft).then().body("state", equalTo("VIOLATED"))
                .body("confirmation", equalTo("DRAFT"));
        given().when().get("/api/slos/{id}", unknownPipeline).then().body("state", equalTo("NO_DATA"));
        given().when().get("/api/alerts").then().body("$", hasSize(0));

        // a stakeholder reads the objectives of their own requirements only
        String theirs = TestTokens.stakeholderToken("dana", stakeholder);
        String someoneElse = TestTokens.stakeholderToken("sam", stakeholder + 1000);
        given().auth().oauth2(theirs).when().get("/api/slos/{id}", draft).then().statusCode(200);
        given().auth().oauth2(theirs).when().get("/api/slos/{id}/history", draft).then().statusCode(200);
        given().auth().oauth2(someoneElse).when().get("/api/slos/{id}", draft).then().statusCode(403);
        given().auth().oauth2(someoneElse).when().get("/api/slos/{id}/history", draft).then().statusCode(403);
        given().auth().oauth2(theirs).when().get("/api/slos").then().statusCode(403);
    }

    @Test
    void answers404And400Clearly() {
        given().when().get("/api/slos/424242").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", startsWith("no objective of requirement 424242 is evaluated"));
        given().queryParam("state", "SHUT").when().get("/api/alerts").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("a query parameter is not valid"))
                .body("problems[0]", startsWith("query parameter 'state'"));
        given().when().get("/api/alerts/not-an-id").then().statusCode(404);
        given().when().get("/api/alerts/" + UUID.randomUUID()).then().statusCode(404);
    }

    private long confirmedFreshness(String webhook, int seconds) {
        long goal = RequirementsData.goal();
        long stakeholder = RequirementsData.marketing(webhook);
        long id = RequirementsData.freshnessRequirement(goal, stakeholder, "{\"type\":\"PIPELINE\",\"name\":\"sales\"}",
                seconds);
        RequirementsData.confirm(id);
        return id;
    }

    /** The alert events about one subject on the alerts topic, read from its start. */
    private static List<AlertEvent> events(String subject, int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "slo-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        List<AlertEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Channels.ALERTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    AlertEvent event = EventJson.read(record.value().getBytes(StandardCharsets.UTF_8),
                            AlertEvent.class);
                    if (subject.equals(event.subject())) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }
}
