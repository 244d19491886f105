package io.tributary.ingestion.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.LogicalType;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.RecordReaders;
import io.tributary.ingestion.parsing.RowFields;
import io.tributary.ingestion.parsing.SourceRecord;

class StoreLimitsTest {

    private static final List<String> HEADER = List.of("Id", "Sales", "Day", "At", "Note");
    private static final DataContract CONTRACT = new DataContract("c", "1", "active", "sales", List.of(
            new ContractProperty("id", "Id", LogicalType.STRING, true, true, 1, Map.of()),
            new ContractProperty("sales", "Sales", LogicalType.NUMBER, false, false, -1, Map.of()),
            new ContractProperty("day", "Day", LogicalType.DATE, false, false, -1, Map.of("format", "M/d/yyyy")),
            new ContractProperty("at", "At", LogicalType.TIMESTAMP, false, false, -1, Map.of()),
            new ContractProperty("note", "Note", LogicalType.STRING, false, false, -1, Map.of())));

    private final ContractEnforcer enforcer = new ContractEnforcer(CONTRACT, ZoneId.of("UTC"));

    @Test
    void numericHoldsItsDigitsBeforeAndAfterThePoint() {
        assertNull(StoreLimits.numeric(new BigDecimal("1e131071")));
        assertNotNull(StoreLimits.numeric(new BigDecimal("1e131072")));
        assertNull(StoreLimits.numeric(new BigDecimal("1e-16383")));
        assertNotNull(StoreLimits.numeric(new BigDecimal("1e-16384")));
        assertNull(StoreLimits.numeric(new BigDecimal("1.5" + "0".repeat(20_000))), "trailing zeros are not kept");
        assertNull(StoreLimits.numeric(new BigDecimal("-261.96")));
    }

    @Test
    void datesAndTimestampsAreHeldFromYearOneToYear9999() {
        assertNull(StoreLimits.date(LocalDate.of(1, 1, 1)));
        assertNull(StoreLimits.date(LocalDate.of(9999, 12, 31)));
        assertNotNull(StoreLimits.date(LocalDate.of(0, 12, 31)));
        assertNotNull(StoreLimits.date(LocalDate.of(10000, 1, 1)));
        assertNull(StoreLimits.timestamp(Instant.parse("9999-12-31T23:59:59.999999Z")));
        assertNotNull(StoreLimits.timestamp(Instant.parse("9999-12-31T23:59:59.9999991Z")));
        assertNotNull(StoreLimits.timestamp(Instant.parse("0000-12-31T23:59:59Z")));
    }

    @Test
    void keyIsHeldUpToTheBytesOfOneIndexEntry() {
        assertNull(StoreLimits.key("k".repeat(StoreLimits.KEY_BYTES)));
        assertNotNull(StoreLimits.key("k".repeat(StoreLimits.KEY_BYTES + 1)));
        assertNotNull(StoreLimits.key("é".repeat(StoreLimits.KEY_BYTES / 2 + 1)), "counted in UTF-8 bytes");
    }

    @Test
    void quarantinesNumberTheStoreCannotHoldWithRuleAndReason() {
        Violation v = check("1", "1e200000", "", "", "").violation();
        assertEquals("sales", v.field());
        assertEquals("store.numeric", v.rule());
        assertEquals("1e200000", v.value());
        assertTrue(v.reason().contains("200001 digits before the decimal point"), v.reason());
    }

    @Test
    void quarantinesDateAndTimestampOutsideTheStoresYears() {
        assertEquals("store.date", check("1", "1", "1/1/0000", "", "").violation().rule());
        assertEquals("store.date", check("1", "1", "1/1/+10000", "", "").violation().rule());
        assertEquals("store.timestamp", check("1", "1", "", "+10000-01-01T00:00:00Z", "").violation().rule());
        assertEquals("store.timestamp", check("1", "1", "", "0000-12-31T23:59:59Z", "").violation().rule());
        assertTrue(check("1", "1", "12/31/9999", "9999-12-31T23:59:59Z", "").isAccepted());
    }

    @Test
    void neverTakesADateOnceRefusedForOneReadFromTheCacheLater() throws IOException {
        String file = "Id,Sales,Day,At,Note\n1,1,1/1/0000,,\n2,1,1/1/0000,,\n3,1,1/1/2024,,\n4,1,1/1/0000,,\n"
                + "5,1,1/1/2024,,a\u0000b\n";
        List<String> rules = new ArrayList<>();
        try (RecordReader rows = RecordReaders.open(SourceEntity.Format.CSV, Map.of(),
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))) {
            for (SourceRecord row = rows.next(); row != null; row = rows.next()) {
                assertTrue(row.values() instanceof RowFields, "read from its bytes");
                CheckedRecord checked = enforcer.check(row);
                rules.add(checked.isAccepted() ? "accepted" : checked.violation().rule());
            }
        }
        assertEquals(List.of("store.date", "store.date", "accepted", "store.date", "text.nul"), rules);
    }

    @Test
    void quarantinesKeyLongerThanAnIndexEntry() {
        Violation v = check("x".repeat(StoreLimits.KEY_BYTES + 1), "1", "", "", "").violation();
        assertEquals("store.key", v.rule());
        assertEquals("id", v.field());
        assertTrue(check("x".repeat(StoreLimits.KEY_BYTES), "1", "", "", "").isAccepted());
    }

    @Test
    void quarantinesTextHoldingNulOrHalfASurrogatePair() {
        Violation nul = check("1", "1", "", "", "a\u0000b").violation();
        assertEquals("text.nul", nul.rule());
        assertEquals("note", nul.field());
        assertTrue(nul.reason().contains("character 2"), nul.reason());
        Violation surrogate = check("1", "1", "", "", "a\ud800").violation();
        assertEquals("text.surrogate", surrogate.rule());
        assertTrue(surrogate.reason().contains("\\ud800"), surrogate.reason());
        assertTrue(check("1", "1", "", "", "a\ud83d\ude00").isAccepted(), "a whole pair is a character");
    }

    @Test
    void takesNulInAFieldTheContractDoesNotCarry() {
        List<String> header = List.of("Id", "Extra");
        assertTrue(enforcer.check(new SourceRecord(2, header, List.of("1", "a\u0000"), "1,a\u0000", null))
                .isAccepted());
    }

    private CheckedRecord check(String... values) {
        return enforcer.check(new SourceRecord(2, HEADER, List.of(values), String.join(",", values), null));
    }
}
