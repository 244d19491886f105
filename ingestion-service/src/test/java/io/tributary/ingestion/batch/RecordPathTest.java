package io.tributary.ingestion.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.drift.ColumnAliases;
import io.tributary.ingestion.parsing.SourceRecord;

class RecordPathTest {

    private static final DataContract CONTRACT = ContractReader.read(ContractReader.parse("""
            apiVersion: v3.1.0
            kind: DataContract
            id: urn:test
            version: 1.0.0
            status: active
            schema:
              - name: sales
                properties:
                  - name: id
                    physicalName: ID
                    logicalType: integer
                    required: true
                    primaryKey: true
                  - name: amount
                    physicalName: Amount
                    logicalType: number
            """, ContractReader.Syntax.YAML), "sales");
    private static final UUID BATCH = UUID.fromString("00000000-0000-0000-0000-000000000007");
    private static final Instant AT = Instant.parse("2024-01-02T03:04:05Z");

    private static RecordPath path(Map<String, String> aliases) {
        return new RecordPath(CONTRACT, ZoneId.of("UTC"), new ColumnAliases(aliases), new KeyIndex(),
                new RecordEvents.OfBatch("shop", "sales", 1, BATCH), AT);
    }

    private static SourceRecord row(long position, String... values) {
        return new SourceRecord(position, List.of("ID", "Amount"), List.of(values), String.join(",", values), null);
    }

    @Test
    void acceptsANewKeyAsTheEventOfItsSourceAndKey() {
        RecordPath path = path(Map.of());
        RecordPath.Accepted accepted = assertInstanceOf(RecordPath.Accepted.class, path.take(row(2, "1", "9.5")));
        RecordEvent event = path.event(accepted);
        assertEquals(RecordEvents.id("shop", accepted.key()), event.id());
        assertEquals(2, event.tributaryposition());
        assertEquals(BATCH, event.tributarybatch());
        assertEquals(AT, event.time());
    }

    @Test
    void countsTheSameRecordUnderTheSameKeyOnceAndQuarantinesADifferentOne() {
        RecordPath path = path(Map.of());
        assertInstanceOf(RecordPath.Accepted.class, path.take(row(2, "1", "9.5")));
        assertInstanceOf(RecordPath.Duplicate.class, path.take(row(3, "1", "9.5")));
        RecordPath.Quarantined other = assertInstanceOf(RecordPath.Quarantined.class, path.take(row(4, "1", "8")));
        assertEquals("primaryKey.unique", other.violation().rule());
    }

    @Test
    void quarantinesARecordTheContractRefusesWithItsViolation() {
        RecordPath.Quarantined refused = assertInstanceOf(RecordPath.Quarantined.class,
                path(Map.of()).take(row(2, "1", "lots")));
        assertEquals("amount", refused.violation().field());
    }

    @Test
    void checksFieldsUnderTheNamesTheirAliasesGive() {
        RecordPath path = path(Map.of("Total", "Amount"));
        SourceRecord renamed = new SourceRecord(2, List.of("ID", "Total"), List.of("1", "9.5"), "1,9.5", null);
        RecordPath.Accepted accepted = assertInstanceOf(RecordPath.Accepted.class, path.take(renamed));
        assertEquals(0, new java.math.BigDecimal("9.5").compareTo(
                (java.math.BigDecimal) accepted.checked().data().get("amount")));
    }
}
