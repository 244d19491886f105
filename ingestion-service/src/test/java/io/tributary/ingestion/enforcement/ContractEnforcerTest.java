package io.tributary.ingestion.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.LogicalType;
import io.tributary.ingestion.parsing.SourceRecord;

class ContractEnforcerTest {

    private static final List<String> HEADER = List.of("Row ID", "Order Date", "Region", "Sales", "Placed", "Extra");
    private static final DataContract CONTRACT = new DataContract("c", "1", "active", "sales", List.of(
            property("row_id", "Row ID", LogicalType.INTEGER, true, true, Map.of()),
            property("order_date", "Order Date", LogicalType.DATE, true, false, Map.of("format", "M/d/yyyy")),
            property("region", "Region", LogicalType.STRING, true, false, Map.of()),
            property("sales", "Sales", LogicalType.NUMBER, true, false, Map.of()),
            property("placed", "Placed", LogicalType.TIMESTAMP, false, false, Map.of("format", "M/d/yyyy H:mm"))));

    private final ContractEnforcer enforcer = new ContractEnforcer(CONTRACT, ZoneId.of("America/New_York"));

    @Test
    void acceptsRowWithTypedValuesKeyedByPrimaryKey() {
        CheckedRecord record = check(enforcer, HEADER, List.of("7", "11/8/2017", "South", "261.9600", "3/10/2024 2:30", "x"));
        assertTrue(record.isAccepted());
        assertEquals(7L, record.data().get("row_id"));
        assertEquals("2017-11-08", record.data().get("order_date"));
        assertEquals(new BigDecimal("261.9600"), record.data().get("sales"));
        assertEquals("7", record.businessKey());
    }

    @Test
    void readsLocalTimestampsInSourceZoneAcrossDaylightSaving() {
        CheckedRecord winter = check(enforcer, HEADER, List.of("1", "1/1/2024", "East", "1", "3/10/2024 1:30", ""));
        CheckedRecord summer = check(enforcer, HEADER, List.of("2", "1/1/2024", "East", "1", "3/10/2024 3:30", ""));
        assertEquals("2024-03-10T06:30:00Z", winter.data().get("placed"));
        assertEquals("2024-03-10T07:30:00Z", summer.data().get("placed"));
    }

    @Test
    void dropsColumnsTheContractDoesNotDeclare() {
        CheckedRecord record = check(enforcer, HEADER, List.of("7", "11/8/2017", "South", "1", "", "secret"));
        assertFalse(record.data().containsKey("Extra"));
        assertEquals(List.of("Extra"), enforcer.bind(HEADER).undeclared());
    }

    @Test
    void quarantinesRowWithUnparseableDate() {
        Violation v = check(enforcer, HEADER, List.of("7", "13/45/2018", "South", "1", "", "")).violation();
        assertEquals("order_date", v.field());
        assertEquals("logicalType", v.rule());
        assertEquals("13/45/2018", v.value());
        assertTrue(v.reason().contains("M/d/yyyy"), v.reason());
    }

    @Test
    void quarantinesImpossibleCalendarDateInsteadOfShiftingIt() {
        assertEquals("logicalType",
                check(enforcer, HEADER, List.of("7", "2/30/2018", "South", "1", "", "")).violation().rule());
    }

    @Test
    void quarantinesRowWithNonNumericSales() {
        Violation v = check(enforcer, HEADER, List.of("7", "1/2/2018", "South", "N/A", "", "")).violation();
        assertEquals("sales", v.field());
        assertEquals("logicalType", v.rule());
    }

    @Test
    void quarantinesRowMissingRequiredValue() {
        Violation v = check(enforcer, HEADER, List.of("7", "1/2/2018", " ", "1", "", "")).violation();
        assertEquals("region", v.field());
        assertEquals("required", v.rule());
    }

    @Test
    void quarantinesRaggedRow() {
        Violation v = check(enforcer, HEADER, List.of("Person", "Region")).violation();
        assertNull(v.field());
        assertEquals("row.fieldCount", v.rule());
        assertTrue(v.reason().contains("2 fields where the header has 6"), v.reason());
    }

    @Test
    void quarantinesEveryRowWhenRequiredColumnIsAbsent() {
        List<String> header = List.of("Row ID", "Order Date", "Region", "Revenue");
        assertEquals(List.of("Sales"), enforcer.bind(header).missingRequired());
        assertEquals("schema.missingColumn", check(enforcer, header, List.of("1", "1/2/2018", "W", "3")).violation().rule());
    }

    @Test
    void leavesOptionalEmptyValuesNull() {
        CheckedRecord record = check(enforcer, HEADER, List.of("7", "1/2/2018", "South", "1", "", ""));
        assertTrue(record.isAccepted());
        assertNull(record.data().get("placed"));
    }

    @Test
    void quarantinesUnreadableRecordWithItsError() {
        Violation v = enforcer.check(SourceRecord.unreadable(3, "{\"a\":", "unexpected end of input at line 3")).violation();
        assertEquals("format.syntax", v.rule());
        assertTrue(v.reason().contains("line 3"), v.reason());
    }

    @Test
    void bindsEachListOfNamesOnItsOwn() {
        CheckedRecord reordered = check(enforcer, List.of("Sales", "Region", "Order Date", "Row ID"),
                List.of("5", "West", "1/2/2018", "9"));
        assertEquals("West", reordered.data().get("region"));
        assertEquals(9L, reordered.data().get("row_id"));
    }

    private static CheckedRecord check(ContractEnforcer enforcer, List<String> names, List<String> values) {
        return enforcer.check(new SourceRecord(2, names, values, String.join(",", values), null));
    }

    private static ContractProperty property(String name, String column, LogicalType type, boolean required,
            boolean key, Map<String, Object> options) {
        return new ContractProperty(name, column, type, required, key, key ? 1 : -1, options);
    }
}
