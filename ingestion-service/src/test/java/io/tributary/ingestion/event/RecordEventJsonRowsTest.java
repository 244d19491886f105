package io.tributary.ingestion.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.generator.GeneratedDumps;
import io.tributary.generator.GeneratorOptions;
import io.tributary.generator.SalesDumpGenerator;
import io.tributary.ingestion.enforcement.CheckedRecord;
import io.tributary.ingestion.enforcement.ContractEnforcer;
import io.tributary.ingestion.parsing.Corpora;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.RecordReaders;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * The event writer gives Jackson's bytes for the events of real rows, read, checked and made as a batch makes them:
 * every accepted row of the Superstore file and of generated files with anomalies.
 */
class RecordEventJsonRowsTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    @Test
    void writesWhatJacksonWritesForEveryAcceptedSuperstoreRow() throws IOException {
        Path file = Corpora.superstore();
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(9_994, assertSameBytes(in), "accepted rows of " + file);
        }
    }

    @Test
    void writesWhatJacksonWritesForGeneratedRowsWithAnomalies(@TempDir Path dir) throws IOException {
        GeneratedDumps dumps = new SalesDumpGenerator(GeneratorOptions.defaults().withRows(30_000).withDays(3)
                .withAnomalyRate(0.05).withDuplicateRate(0.01).withSeed(11)).writeCsv(dir);
        long accepted = 0;
        for (var dump : dumps.files()) {
            try (InputStream in = Files.newInputStream(dump.path())) {
                accepted += assertSameBytes(in);
            }
        }
        assertTrue(accepted > 25_000, accepted + " rows accepted");
    }

    /** Asserts the writer's bytes are Jackson's for each accepted row's event; returns how many rows were accepted. */
    private static long assertSameBytes(InputStream csv) throws IOException {
        ContractEnforcer enforcer = new ContractEnforcer(contract(), ZONE);
        UUID batch = UUID.nameUUIDFromBytes("batch".getBytes(StandardCharsets.UTF_8));
        Instant at = Instant.parse("2024-01-02T03:04:05.678Z");
        long accepted = 0;
        try (RecordReader reader = RecordReaders.open(SourceEntity.Format.CSV, Map.of(), csv)) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                CheckedRecord checked = enforcer.check(record);
                if (!checked.isAccepted()) {
                    continue;
                }
                accepted++;
                String raw = record.raw();
                RecordEvent event = RecordEvent.accepted(UUID.nameUUIDFromBytes(raw.getBytes(
                        StandardCharsets.UTF_8)), "superstore", checked.businessKey(), at, "sales", 3, batch,
                        record.position(), checked.data());
                byte[] own = RecordEventJson.writeOwn(event);
                assertNotNull(own, () -> "left to Jackson: " + raw);
                assertArrayEquals(EventJson.write(event), own, raw);
            }
        }
        return accepted;
    }

    private static DataContract contract() throws IOException {
        try (InputStream in = RecordEventJsonRowsTest.class.getResourceAsStream("/contracts/sales.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ContractReader.read(ContractReader.parse(yaml, ContractReader.Syntax.YAML), "sales");
        }
    }
}
