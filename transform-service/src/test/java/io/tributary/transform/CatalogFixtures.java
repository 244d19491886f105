package io.tributary.transform;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.JsonEventSerializer;
import io.tributary.catalog.event.RecordEvent;

/** Datasets with a contract, a source and a batch in the test catalog, and records of them. */
public final class CatalogFixtures {

    private static final String CONTRACT = """
            apiVersion: v3.1.0
            kind: DataContract
            id: urn:test:%s
            version: 1.0.0
            status: active
            schema:
              - name: %s
                properties:
            %s""";

    private final AgroalDataSource dataSource;

    public CatalogFixtures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A dataset whose contract declares these properties (ODCS YAML list items), with a source in this zone. */
    public Dataset dataset(String name, String timeZone, String properties) throws SQLException {
        String document = ContractReader.parse(CONTRACT.formatted(name, name, properties.indent(6)),
                ContractReader.Syntax.YAML).toString();
        UUID batch = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into catalog.dataset (name) values ('" + name + "') on conflict do nothing");
            try (PreparedStatement contract = c.prepareStatement("insert into catalog.contract_version (dataset, "
                    + "version, contract_id, contract_label, status, document, media_type) values (?, (select "
                    + "coalesce(max(version), 0) + 1 from catalog.contract_version where dataset = ?), 'urn:test', "
                    + "'1.0.0', 'active', ?::jsonb, 'application/yaml')")) {
                contract.setString(1, name);
                contract.setString(2, name);
                contract.setString(3, document);
                contract.executeUpdate();
            }
            s.execute("insert into catalog.source (name, dataset, format, time_zone) values ('" + name + "-src', '"
                    + name + "', 'CSV', '" + timeZone + "') on conflict do nothing");
            s.execute("insert into catalog.ingestion_batch (id, source, dataset, status, file_name, landing_path, "
                    + "content_sha256, size_bytes) values ('" + batch + "', '" + name + "-src', '" + name
                    + "', 'COMPLETED', 'f.csv', '/dev/null', '" + "0".repeat(64) + "', 0)");
        }
        return new Dataset(name, batch);
    }

    /** Declares a pipeline over HTTP; returns its version. */
    public static int declare(String yaml) {
        String name = yaml.lines().filter(l -> l.startsWith("name:")).findFirst().orElseThrow().substring(5).trim();
        return given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).when()
                .put("/api/pipelines/" + name)
                .then().statusCode(201).extract().path("version");
    }

    /**
     * Publishes the records to their datasets' topics of accepted records, keyed by business key, and waits until Kafka
     * has them.
     */
    public static void publish(String bootstrapServers, RecordEvent... events) {
        publish(bootstrapServers, Map.of(), events);
    }

    /**
     * The same, each partition's events in one batch, which a consumer fetches at once (as a file's records, published
     * faster than they are applied): the producer waits for all of them before it sends.
     */
    public static void publishTogether(String bootstrapServers, RecordEvent... events) {
        publish(bootstrapServers, Map.of(ProducerConfig.LINGER_MS_CONFIG, 60_000, ProducerConfig.BATCH_SIZE_CONFIG,
                4 * 1024 * 1024), events);
    }

    private static void publish(String bootstrapServers, Map<String, Object> settings, RecordEvent... events) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(),
                new JsonEventSerializer())) {
            for (RecordEvent event : events) {
                producer.send(new ProducerRecord<>(Channels.acceptedRecordsOf(event.tributarydataset()),
                        event.subject(), event));
            }
        }
    }

    public List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public Object single(String sql) throws SQLException {
        List<Map<String, Object>> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** A dataset of the test catalog and the batch its records come in. */
    public record Dataset(String name, UUID batch) {

        /** A record of this dataset: its business key and field, value pairs. */
        public RecordEvent record(String key, Object... fieldsAndValues) {
            Map<String, Object> data = new HashMap<>();
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                data.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
            return RecordEvent.accepted(UUID.nameUUIDFromBytes((name + key).getBytes()), name + "-src", key,
                    Instant.now(), name, 1, batch, 1, data);
        }
    }
}
