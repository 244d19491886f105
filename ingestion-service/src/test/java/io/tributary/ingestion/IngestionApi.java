package io.tributary.ingestion;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.event.RecordEventDeserializer;
import io.tributary.testinfra.KafkaBrokerResource;

/** The ingestion API as tests drive it: sources, uploads, batches, and what reached Kafka. */
public final class IngestionApi {

    private IngestionApi() {
    }

    /** Registers a CSV source with a fresh name for the dataset, with any further definition fields given. */
    public static String registerSource(String dataset, Map<String, Object> more) {
        String name = "src-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> definition = new HashMap<>(Map.of("name", name, "dataset", dataset, "format", "CSV",
                "timeZone", "America/New_York"));
        definition.putAll(more);
        given().contentType(ContentType.JSON).body(definition).post("/api/sources").then().statusCode(201);
        return name;
    }

    public static String registerSource(String dataset) {
        return registerSource(dataset, Map.of());
    }

    /** Uploads a CSV body and returns the new batch's id. */
    public static String upload(String source, String body) {
        return given().contentType("text/csv").body(body)
                .post("/api/sources/" + source + "/files")
                .then().statusCode(202)
                .extract().path("id");
    }

    public static ValidatableResponse awaitStatus(String batch, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/batches/" + batch).then().body("status", is(status)));
        return given().get("/api/batches/" + batch).then().statusCode(200);
    }

    public static ValidatableResponse awaitCompleted(String batch) {
        return awaitStatus(batch, "COMPLETED");
    }

    /**
     * Every accepted record of the batch on Kafka now: every dataset's topic is read from its start to its current
     * end, so a record published twice is there twice.
     */
    public static List<RecordEvent> acceptedRecordsOf(UUID batch) {
        return acceptedRecordsOf(batch, Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerResource.bootstrapServers()));
    }

    /** {@link #acceptedRecordsOf(UUID)} read from the broker of this client configuration, signed in as it says. */
    public static List<RecordEvent> acceptedRecordsOf(UUID batch, Map<String, Object> kafka) {
        List<RecordEvent> found = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, RecordEvent> consumer = new KafkaConsumer<>(config,
                new StringDeserializer(), new RecordEventDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().values().stream().flatMap(List::stream)
                    .filter(p -> Channels.datasetOf(p.topic()).isPresent())
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the topic could not be read to its end " + end + " in 30 seconds");
                }
                for (ConsumerRecord<String, RecordEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (batch.equals(record.value().tributarybatch())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    /** Reads the topic from the start until {@code expected} records match, or 30 seconds pass. */
    public static <T> List<ConsumerRecord<String, T>> consume(String topic, Deserializer<T> values,
            Predicate<ConsumerRecord<String, T>> wanted, int expected) {
        List<ConsumerRecord<String, T>> found = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
