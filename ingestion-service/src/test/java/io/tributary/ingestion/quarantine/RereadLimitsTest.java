package io.tributary.ingestion.quarantine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.ingestion.batch.BatchJob;
import io.tributary.ingestion.parsing.ReadLimits;
import io.tributary.ingestion.parsing.SourceRecord;

/** A quarantined record is read again within the limits the service is configured with, not the defaults. */
class RereadLimitsTest {

    private static final List<String> HEADER = List.of("Region", "Note");
    /** Fields of at most 8 characters, JSON nested at most 2 deep; the rest as the defaults. */
    private static final ReadLimits SMALL = new ReadLimits(ReadLimits.DEFAULT.gzipBytes(),
            ReadLimits.DEFAULT.gzipRatio(), 8, ReadLimits.DEFAULT.recordChars(), ReadLimits.DEFAULT.columns(), 2,
            ReadLimits.DEFAULT.explodeRecords());
    private static final DataContract CONTRACT = ContractReader.read(ContractReader.parse("""
            apiVersion: v3.1.0
            kind: DataContract
            id: urn:test
            version: 1.0.0
            status: active
            schema:
              - name: notes
                properties:
                  - name: region
                    physicalName: Region
                    logicalType: string
                  - name: note
                    physicalName: Note
                    logicalType: string
            """, ContractReader.Syntax.YAML), "notes");

    @Test
    void refusesACsvFieldLongerThanTheConfiguredLimitNamingIt() {
        SourceRecord record = reread(SourceEntity.Format.CSV, "West,a note far longer than eight");

        assertTrue(ReadLimits.reached(record.error()), record.error());
        assertTrue(record.error().contains("tributary.ingestion.limits.field-size is 8"), record.error());
        assertEquals(7, record.position());
    }

    @Test
    void readsACsvRowWithinTheConfiguredLimitWithItsBatchHeader() {
        SourceRecord record = reread(SourceEntity.Format.CSV, "West,short");

        assertNull(record.error());
        assertEquals(HEADER, record.names());
        assertEquals(List.of("West", "short"), record.values());
        assertEquals("West,short", record.raw());
    }

    @Test
    void refusesJsonNestedDeeperThanTheConfiguredLimit() {
        SourceRecord record = reread(SourceEntity.Format.NDJSON, "{\"Region\": {\"a\": {\"b\": 1}}, \"Note\": \"x\"}");

        assertTrue(ReadLimits.reached(record.error()), record.error());
        assertTrue(record.error().contains("tributary.ingestion.limits.json-depth is 2"), record.error());
    }

    private static SourceRecord reread(SourceEntity.Format format, String raw) {
        BatchJob job = new BatchJob(UUID.randomUUID(), "notes-source", "notes", format, "UTC", Map.of(), null, 1,
                CONTRACT, Map.of(), null, false, null);
        QuarantinedRecordEntity entry = new QuarantinedRecordEntity();
        entry.position = 7;
        return QuarantineReplayService.reread(job, HEADER, entry, raw, SMALL);
    }
}
