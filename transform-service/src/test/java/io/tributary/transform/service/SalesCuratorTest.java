package io.tributary.transform.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.catalog.event.RecordEventSerializer;
import io.tributary.testinfra.KafkaBrokerResource;
import io.tributary.testinfra.PostgresResource;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class SalesCuratorTest {

    @Inject
    AgroalDataSource dataSource;

    private UUID batch;

    @BeforeEach
    void freshBatch() throws SQLException {
        batch = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into catalog.dataset (name) values ('sales') on conflict do nothing");
            s.execute("insert into catalog.source (name, dataset, format, time_zone) values ('shop', 'sales', 'CSV', "
                    + "'UTC') on conflict do nothing");
            s.execute("insert into catalog.ingestion_batch (id, source, dataset, status, file_name, landing_path, "
                    + "content_sha256, size_bytes) values ('" + batch + "', 'shop', 'sales', 'COMPLETED', 'f.csv', "
                    + "'/dev/null', '" + "0".repeat(64) + "', 0)");
            s.execute("truncate curated.sales, curated.sales_by_region_day");
            s.execute("delete from catalog.quarantined_record");
        }
    }

    @Test
    void sumsSalesByRegionAndDayExactly() throws SQLException {
        publish(sale(1, "2024-01-05", "West", "0.1"), sale(2, "2024-01-05", "West", "0.2"),
                sale(3, "2024-01-05", "East", "261.9600"), sale(4, "2024-01-06", "West", "1.0005"));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines() == 4);
        assertEquals(new BigDecimal("0.3000"), aggregate("West", "2024-01-05"));
        assertEquals(new BigDecimal("261.9600"), aggregate("East", "2024-01-05"));
        assertEquals(new BigDecimal("1.0005"), aggregate("West", "2024-01-06"));
    }

    @Test
    void countsRedeliveredRecordOnce() throws SQLException {
        RecordEvent first = sale(1, "2024-02-01", "South", "10.00");
        publish(first, sale(2, "2024-02-01", "South", "5.00"));
        publish(first);
        publish(sale(3, "2024-02-01", "South", "1.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines() == 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new BigDecimal("16.0000").equals(aggregate("South", "2024-02-01")));
        assertEquals(3L, aggregateLines("South", "2024-02-01"));
    }

    @Test
    void quarantinesRecordWithoutRegion() throws SQLException {
        Map<String, Object> data = new HashMap<>(sale(9, "2024-03-01", "x", "1").data());
        data.remove("region");
        publish(RecordEvent.accepted(UUID.randomUUID(), "shop", "9", Instant.now(), "sales", 1, batch, 10, data),
                sale(10, "2024-03-01", "Central", "2.50"));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines() == 1);
        try (Connection c = dataSource.getConnection();
                ResultSet r = c.createStatement().executeQuery(
                        "select rule, reason, position from catalog.quarantined_record where batch_id = '" + batch + "'")) {
            r.next();
            assertEquals("transform.sales", r.getString(1));
            assertEquals(10, r.getLong(3));
        }
    }

    @Test
    void ignoresRecordsOfOtherDatasets() throws SQLException {
        RecordEvent other = RecordEvent.accepted(UUID.randomUUID(), "shop", "1", Instant.now(), "returns", 1, batch, 2,
                Map.of("order_date", "2024-01-01", "region", "West", "sales", new BigDecimal("5")));
        publish(other, sale(1, "2024-01-01", "West", "7"));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines() == 1);
        assertEquals(new BigDecimal("7.0000"), aggregate("West", "2024-01-01"));
    }

    private RecordEvent sale(int row, String date, String region, String amount) {
        UUID id = UUID.nameUUIDFromBytes(("shop\n" + batch + row).getBytes());
        return RecordEvent.accepted(id, "shop", Integer.toString(row), Instant.now(), "sales", 1, batch, row + 1,
                Map.of("row_id", (long) row, "order_date", date, "region", region, "sales", new BigDecimal(amount)));
    }

    private static void publish(RecordEvent... events) {
        try (KafkaProducer<String, RecordEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers()),
                new StringSerializer(), new RecordEventSerializer())) {
            for (RecordEvent event : List.of(events)) {
                producer.send(new ProducerRecord<>(Channels.ACCEPTED_RECORDS, event.subject(), event));
            }
            producer.flush();
        }
    }

    private long lines() throws SQLException {
        return single("select count(*) from curated.sales where batch_id = '" + batch + "'", Long.class);
    }

    private BigDecimal aggregate(String region, String day) throws SQLException {
        return single("select sales from curated.sales_by_region_day where region = '" + region + "' and day = '"
                + day + "'", BigDecimal.class);
    }

    private Long aggregateLines(String region, String day) throws SQLException {
        return single("select lines from curated.sales_by_region_day where region = '" + region + "' and day = '"
                + day + "'", Long.class);
    }

    private <T> T single(String sql, Class<T> type) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            return r.next() ? r.getObject(1, type) : null;
        }
    }
}
