package io.tributary.ingestion.enforcement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.messaging.RecordEventSerializer;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.RecordReaders;
import io.tributary.ingestion.parsing.RowFields;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * A row read from its bytes, whose fields the enforcer reads from the bytes where it can, is checked as the same row
 * of strings is: the same values, key and violation, and the same event bytes.
 */
class ContractEnforcerRowBytesTest {

    private static final String PROPERTIES = """
            - {name: id, physicalName: Id, logicalType: integer, primaryKey: true, primaryKeyPosition: 1}
            - {name: qty, physicalName: Qty, logicalType: integer, logicalTypeOptions: {minimum: 0}}
            - {name: price, physicalName: Price, logicalType: number, required: true}
            - name: rate
              physicalName: Rate
              logicalType: number
              quality:
                - {metric: missingValues, arguments: {missingValues: ['N/A']}, mustBeLessThan: 10, unit: percent}
            - {name: day, physicalName: Day, logicalType: date, logicalTypeOptions: {format: M/d/yyyy}}
            - {name: at, physicalName: At, logicalType: timestamp}
            - {name: name, physicalName: Name, logicalType: string}
            - {name: code, physicalName: Code, logicalType: string, logicalTypeOptions: {pattern: '^[A-Z]+$'}}
            - {name: flag, physicalName: Flag, logicalType: boolean}
            - {name: note, physicalName: Note, logicalType: string, required: true}
            """;
    private static final String[][] GOOD = {{"1", "-5", "+7", "007", "-0", "123456789012345678"},
            {"0", "3", "12"}, {"0.5", "12.50", "-240.5892", "7", "0"}, {"1.25", "N/A", ""},
            {"1/1/2018", "12/31/2018", "1/6/2018", ""}, {"2024-01-01T10:00:00", "2024-03-10T02:30:00Z", ""},
            {"plain", "Betty Brown", "a,b", "café", "", "O'Brien"}, {"ABC", "X"}, {"true", "FALSE", ""},
            {"West", "tab\there", "back\\slash", "say \"hi\"", "5,000 Sheets"}};
    private static final String[][] BAD = {{"", " 1", "1.0", "12345678901234567890", "x"}, {"-1", "1e3", " 2"},
            {"", ".5", "-.5", "1e3", " 1.0", "1234567890123456789.1", "abc", "N/A"}, {"-", "x", " 2 "},
            {"2/30/2018", " 1/1/2018", "2018-01-01"}, {"bad", "2024-01-01"}, {" lead", "trail ", "\u00a0nbsp"},
            {"abc", " ABC", ""}, {"yes", " true"}, {"", " ", "\t"}};

    @Test
    void checksARowReadFromBytesAsTheSameRowOfStrings() throws IOException {
        DataContract contract = ContractEnforcerLimitsTest.contract(PROPERTIES);
        ContractEnforcer fromBytes = new ContractEnforcer(contract, ContractEnforcerLimitsTest.NEW_YORK);
        ContractEnforcer fromStrings = new ContractEnforcer(contract, ContractEnforcerLimitsTest.NEW_YORK);
        RecordEventSerializer serializer = new RecordEventSerializer();
        Random random = new Random(17);
        StringBuilder csv = new StringBuilder("Id,Qty,Price,Rate,Day,At,Name,Code,Flag,Note\n");
        for (int row = 0; row < 20_000; row++) {
            for (int column = 0; column < GOOD.length; column++) {
                String[] values = random.nextInt(12) == 0 ? BAD[column] : GOOD[column];
                csv.append(column > 0 ? "," : "").append(quoted(values[random.nextInt(values.length)]));
            }
            csv.append('\n');
        }
        int accepted = 0;
        int readFromBytes = 0;
        try (RecordReader reader = RecordReaders.open(SourceEntity.Format.CSV, Map.of(),
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                readFromBytes += record.values() instanceof RowFields ? 1 : 0;
                SourceRecord strings = new SourceRecord(record.position(), record.names(),
                        new ArrayList<>(record.values()), record.raw(), null);
                CheckedRecord expected = fromStrings.check(strings);
                CheckedRecord actual = fromBytes.check(record);
                assertEquals(expected, actual, record.raw());
                if (expected.isAccepted()) {
                    accepted++;
                    assertArrayEquals(serializer.serialize("t", event(expected)), serializer.serialize("t",
                            event(actual)), record.raw());
                }
            }
        }
        assertTrue(accepted > 5_000, accepted + " rows accepted");
        assertTrue(readFromBytes > 15_000, readFromBytes + " rows read from their bytes");
    }

    private static RecordEvent event(CheckedRecord checked) {
        UUID id = new UUID(1, 2);
        return RecordEvent.accepted(id, "shop", checked.businessKey(), Instant.EPOCH, "sales", 1, id, 2,
                checked.data());
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
