package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.entity.SourceEntity.Format;

class JsonRecordReaderTest {

    @Test
    void eachElementOfATopLevelArrayIsARecordNumberedFromOne() throws IOException {
        List<SourceRecord> records = read("[{\"a\":1},{\"a\":2},\n{\"a\":3}]");
        assertEquals(List.of(1L, 2L, 3L), positions(records));
        assertEquals("3", records.get(2).values().get(0));
    }

    @Test
    void aSingleTopLevelObjectIsOneRecordAtPositionOne() throws IOException {
        List<SourceRecord> records = read("  {\"id\": \"A-1\", \"n\": 2}\n");
        assertEquals(1, records.size());
        assertEquals(1L, records.get(0).position());
        assertRecord(map("id", "A-1", "n", "2"), records.get(0));
    }

    @Test
    void anEmptyArrayHasNoRecords() throws IOException {
        assertEquals(List.of(), read(" [ ] "));
    }

    @Test
    void scalarsBecomeTextAndNullStaysNull() throws IOException {
        SourceRecord record = read("[{\"s\":\"x \\\"y\\\" \\u00e9\",\"t\":true,\"f\":false,\"z\":null,\"i\":-12}]").get(0);
        assertEquals(List.of("s", "t", "f", "z", "i"), record.names());
        assertEquals(Arrays.asList("x \"y\" \u00e9", "true", "false", null, "-12"), record.values());
    }

    @Test
    void numbersKeepTheirLiteralExactlyAsWritten() throws IOException {
        SourceRecord record = read("[{\"sales\":261.9600,\"big\":1e400,\"neg\":-0,\"exp\":1.5E-7,"
                + "\"long\":123456789012345678901234567890,\"tiny\":4.9e-325}]").get(0);
        assertEquals(List.of("261.9600", "1e400", "-0", "1.5E-7", "123456789012345678901234567890", "4.9e-325"),
                record.values());
    }

    @Test
    void nestedObjectsAreFlattenedWithDotPaths() throws IOException {
        SourceRecord record = read("{\"id\":1,\"customer\":{\"id\":\"C7\",\"address\":{\"city\":\"Lyon\",\"zip\":null}},"
                + "\"meta\":{}}").get(0);
        assertRecord(map("id", "1", "customer.id", "C7", "customer.address.city", "Lyon", "customer.address.zip", null,
                "meta", "{}"), record);
    }

    @Test
    void arraysThatAreNotExplodedAreTheirCompactJsonText() throws IOException {
        SourceRecord record = read("{\"tags\": [ \"a b\" , 1.50, true, null ],\n \"grid\": [[1, 2], [ ]],"
                + " \"mixed\": [{\"a\": 1}, 2]}").get(0);
        assertRecord(map("tags", "[\"a b\",1.50,true,null]", "grid", "[[1,2],[]]", "mixed", "[{\"a\":1},2]"), record);
    }

    @Test
    void anEmptyArrayAddsNoField() throws IOException {
        assertRecord(map("id", "1"), read("{\"id\":1,\"tags\":[ ]}").get(0));
    }

    @Test
    void theArrayOfTheShapeExplodesIntoOneRecordPerItemKeepingTheParentsFields() throws IOException {
        List<SourceRecord> records = read(ITEMS, "[{\"order\":\"O1\",\"customer\":{\"id\":7},"
                + "\"items\":[{\"sku\":\"A\",\"qty\":2},{\"sku\":\"B\",\"qty\":1}],\"total\":9.90},"
                + "{\"order\":\"O2\",\"customer\":{\"id\":8},\"items\":[{\"sku\":\"C\",\"qty\":5}],\"total\":1.00}]");
        assertEquals(3, records.size());
        assertEquals(List.of(1L, 1L, 2L), positions(records));
        assertRecord(map("order", "O1", "customer.id", "7", "items.sku", "A", "items.qty", "2", "total", "9.90"),
                records.get(0));
        assertRecord(map("order", "O1", "customer.id", "7", "items.sku", "B", "items.qty", "1", "total", "9.90"),
                records.get(1));
        assertRecord(map("order", "O2", "customer.id", "8", "items.sku", "C", "items.qty", "5", "total", "1.00"),
                records.get(2));
        assertSame(records.get(0).names(), records.get(2).names());
        assertEquals(List.of(1, 2, 1), records.stream().map(SourceRecord::item).toList(), "each item's position");
        assertEquals(List.of(2, 2, 1), records.stream().map(SourceRecord::items).toList(), "the items of its array");
    }

    @Test
    void withoutAShapeNoArrayExplodes() throws IOException {
        List<SourceRecord> records = read("{\"order\":\"O1\",\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}");
        assertEquals(1, records.size());
        assertRecord(map("order", "O1", "items", "[{\"sku\":\"A\"},{\"sku\":\"B\"}]"), records.get(0));
        assertEquals(0, records.get(0).item());
    }

    @Test
    void anExplodedRecordsRawTextHoldsOnlyItsItemAndReadsBackToTheSameRecord() throws IOException {
        List<SourceRecord> records = read(ITEMS,
                "[{\"order\": \"O1\", \"items\": [{\"sku\": \"A\"}, {\"sku\": \"B\"}], \"n\": 1}]");
        assertEquals("{\"order\": \"O1\", \"items\": [{\"sku\": \"A\"}], \"n\": 1}", records.get(0).raw());
        assertEquals("{\"order\": \"O1\", \"items\": [{\"sku\": \"B\"}], \"n\": 1}", records.get(1).raw());
        for (SourceRecord record : records) {
            List<SourceRecord> again = read(ITEMS, record.raw());
            assertEquals(1, again.size());
            assertEquals(Records.fields(record), Records.fields(again.get(0)));
        }
    }

    @Test
    void anEmptyArrayOfTheShapeIsTheValueOfAnEmptyArrayBesideTheParentsFields() throws IOException {
        List<SourceRecord> records = read(ITEMS, "[{\"order\":\"O1\",\"items\":[],\"total\":0}]");
        assertEquals(1, records.size());
        assertRecord(map("order", "O1", "items", "[]", "total", "0"), records.get(0));
        assertEquals(0, records.get(0).item());
    }

    @Test
    void anArrayOfTheShapeHoldingValuesIsItsTextForTheContractToRefuse() throws IOException {
        List<SourceRecord> records = read(ITEMS, "{\"order\":\"O1\",\"items\":[{\"sku\":\"A\"}, 2]}");
        assertEquals(1, records.size());
        assertRecord(map("order", "O1", "items", "[{\"sku\":\"A\"},2]"), records.get(0));
    }

    @Test
    void onlyTheArrayOfTheShapeExplodesAndOnlyOneLevelDeep() throws IOException {
        List<SourceRecord> records = read(ITEMS, "{\"id\":1,\"payments\":[{\"amount\":5}],"
                + "\"items\":[{\"sku\":\"A\",\"parts\":[{\"p\":1},{\"p\":2}]},{\"sku\":\"B\"}]}");
        assertEquals(2, records.size());
        assertRecord(map("id", "1", "payments", "[{\"amount\":5}]", "items.sku", "A", "items.parts",
                "[{\"p\":1},{\"p\":2}]"), records.get(0));
        assertRecord(map("id", "1", "payments", "[{\"amount\":5}]", "items.sku", "B"), records.get(1));
    }

    @Test
    void anArrayOfObjectsInsideANestedObjectExplodesUnderItsPath() throws IOException {
        List<SourceRecord> records = read(JsonShape.exploding("order.lines"),
                "{\"order\":{\"id\":\"O1\",\"lines\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}}");
        assertRecord(map("order.id", "O1", "order.lines.sku", "A"), records.get(0));
        assertRecord(map("order.id", "O1", "order.lines.sku", "B"), records.get(1));
    }

    @Test
    void anObjectTheShapeKeepsWholeIsOneValueItsCompactText() throws IOException {
        JsonShape shape = new JsonShape("items", Set.of("attributes", "items.options"));
        List<SourceRecord> records = read(shape, "{\"id\":1,\"attributes\":{\"a\": [1, 2], \"b\": {\"c\": null}},"
                + "\"items\":[{\"sku\":\"A\",\"options\":{\"size\": \"M\"}}]}");
        assertRecord(map("id", "1", "attributes", "{\"a\":[1,2],\"b\":{\"c\":null}}", "items.sku", "A",
                "items.options", "{\"size\":\"M\"}"), records.get(0));
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue() throws IOException {
        List<SourceRecord> records = read("[{\"a\":1,\"b\":2,\"a\":3},{\"a\":4,\"b\":5,\"a\":6}]");
        assertRecord(map("a", "3", "b", "2"), records.get(0));
        assertRecord(map("a", "6", "b", "5"), records.get(1));
        assertSame(records.get(0).names(), records.get(1).names());
    }

    @Test
    void recordsWithTheSameNamesShareOneListInstance() throws IOException {
        List<SourceRecord> records = read("[{\"a\":1,\"c\":{\"d\":1}},{\"a\":2,\"c\":{\"d\":2}},{\"b\":3},"
                + "{\"a\":4,\"c\":{\"d\":3}}]");
        assertSame(records.get(0).names(), records.get(1).names());
        assertNotSame(records.get(1).names(), records.get(2).names());
        assertEquals(records.get(0).names(), records.get(3).names());
        assertThrows(UnsupportedOperationException.class, () -> records.get(0).names().add("x"));
    }

    @Test
    void aRecordsRawTextIsItsElementAsWritten() throws IOException {
        List<SourceRecord> records = read("[\n  {\n    \"a\": 1,\n    \"b\": [1, 2]\n  },\n  {\"a\": 2}\n]\n");
        assertEquals("{\n    \"a\": 1,\n    \"b\": [1, 2]\n  }", records.get(0).raw());
        assertEquals("{\"a\": 2}", records.get(1).raw());
    }

    @Test
    void anElementThatIsNotAnObjectIsUnreadableAndReadingGoesOn() throws IOException {
        List<SourceRecord> records = read("[1, {\"a\":1}, \"s\", [2, {\"b\": 3}], null, {\"a\":2}]");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), positions(records));
        assertEquals(JsonErrorKind.NOT_AN_OBJECT, JsonErrorKind.of(records.get(0).error()));
        assertTrue(records.get(0).error().contains("element 1 of the array is a number"), records.get(0).error());
        assertEquals("[2, {\"b\": 3}]", records.get(3).raw());
        assertTrue(records.get(1).isReadable() && records.get(5).isReadable());
        assertFalse(records.get(2).isReadable() || records.get(3).isReadable() || records.get(4).isReadable());
    }

    @Test
    void aTopLevelScalarIsValidJsonButNotARecord() throws IOException {
        List<SourceRecord> records = read("\"just a string\"");
        assertEquals(1, records.size());
        assertEquals(JsonErrorKind.NOT_AN_OBJECT, JsonErrorKind.of(records.get(0).error()));
        assertEquals("\"just a string\"", records.get(0).raw());
    }

    @Test
    void aSyntaxErrorEndsTheFileWithOneRecordSayingWhereWithTheRestOfTheText() throws IOException {
        List<SourceRecord> records = read("[{\"a\":1},\n {\"a\":2,,\"b\":3},\n {\"a\":4}]");
        assertEquals(2, records.size());
        assertTrue(records.get(0).isReadable());
        SourceRecord bad = records.get(1);
        assertEquals(2L, bad.position());
        assertEquals(JsonErrorKind.SYNTAX, JsonErrorKind.of(bad.error()));
        assertTrue(bad.error().startsWith("JSON syntax error at line 2, column 9: "), bad.error());
        assertEquals("{\"a\":2,,\"b\":3},\n {\"a\":4}]", bad.raw());
    }

    @Test
    void theRestOfTheTextAfterASyntaxErrorIsCutAt64KiB() throws IOException {
        String tail = "x".repeat(200_000);
        SourceRecord bad = read("[{\"a\":1}, {\"a\": tru " + tail + "]").get(1);
        assertEquals(JsonSupport.MAX_RAW_LENGTH, bad.raw().length());
        assertTrue(bad.raw().startsWith("{\"a\": tru xxx"), bad.raw().substring(0, 20));
        assertTrue(bad.error().contains("cut at 65536 characters"), bad.error());
    }

    @Test
    void anUnclosedArrayIsASyntaxError() throws IOException {
        List<SourceRecord> records = read("[{\"a\":1},{\"a\":2}");
        assertEquals(3, records.size());
        assertEquals(JsonErrorKind.SYNTAX, JsonErrorKind.of(records.get(2).error()));
        assertEquals(3L, records.get(2).position());
    }

    @Test
    void syntaxErrorsSpeakOfTheTextNotOfParserSettings() throws IOException {
        String unclosed = read("[{\"a\":1}").get(1).error();
        assertTrue(unclosed.endsWith("expected close marker for Array (start marker at [line: 1, column: 1])"), unclosed);
        String nan = read("[{\"a\":NaN}]").get(0).error();
        assertEquals("JSON syntax error at line 1, column 10: Non-standard token 'NaN'", nan);
        String comment = read("[{\"a\":1} /* no */]").get(1).error();
        assertTrue(comment.endsWith("maybe a (non-standard) comment?, and JSON has no comments"), comment);
    }

    @Test
    void textAfterTheTopLevelValueIsASyntaxError() throws IOException {
        List<SourceRecord> records = read("[{\"a\":1}] [{\"a\":2}]");
        assertEquals(2, records.size());
        assertTrue(records.get(1).error().startsWith("JSON syntax error at line 1, column 11: an array after the end"),
                records.get(1).error());
        assertEquals("[{\"a\":2}]", records.get(1).raw().strip());
        assertEquals(JsonErrorKind.SYNTAX, JsonErrorKind.of(read("{\"a\":1} x").get(1).error()));
    }

    @Test
    void anEmptyFileIsASyntaxError() throws IOException {
        for (String empty : List.of("", "  \n ")) {
            List<SourceRecord> records = read(empty);
            assertEquals(1, records.size());
            assertEquals(JsonErrorKind.SYNTAX, JsonErrorKind.of(records.get(0).error()));
        }
    }

    @Test
    void nestingDeeperThanTheCapIsALimitNotAStackOverflow() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            SourceRecord open = read("[" + "[".repeat(1_000_000)).get(0);
            assertEquals(JsonErrorKind.LIMIT, JsonErrorKind.of(open.error()));
            assertTrue(open.error().contains("nested deeper than 256 levels"), open.error());
            String deep = "{\"a\":".repeat(300) + "1" + "}".repeat(300);
            List<SourceRecord> records = read("[{\"ok\":1}," + deep + ",{\"ok\":2}]");
            assertEquals(2, records.size());
            assertTrue(records.get(0).isReadable());
            assertEquals(JsonErrorKind.LIMIT, JsonErrorKind.of(records.get(1).error()));
            assertEquals(2L, records.get(1).position());
        });
    }

    @Test
    void nestingUpToTheCapIsFlattened() throws IOException {
        String deep = "{\"a\":".repeat(255) + "1" + "}".repeat(255);
        SourceRecord record = read("[" + deep + "]").get(0);
        assertEquals(String.join(".", java.util.Collections.nCopies(255, "a")), record.names().get(0));
    }

    @Test
    void hugeNumbersAndStringsDoNotBlowUp() throws IOException {
        String longest = "9".repeat(JsonSupport.MAX_NUMBER_LENGTH);
        String string = "s".repeat(3_000_000);
        List<SourceRecord> records = read("[{\"n\":" + longest + ",\"e\":1e999999999,\"s\":\"" + string + "\"}]");
        assertEquals(List.of(longest, "1e999999999", string), records.get(0).values());
        SourceRecord tooLong = read("[{\"n\":" + longest + "9}]").get(0);
        assertEquals(JsonErrorKind.LIMIT, JsonErrorKind.of(tooLong.error()));
    }

    @Test
    void aVeryLargeArrayIsReadAsAStreamWithItsPositions() throws IOException {
        StringBuilder json = new StringBuilder("[");
        int count = 200_000;
        for (int i = 1; i <= count; i++) {
            json.append(i > 1 ? ",\n" : "").append("{\"n\":").append(i).append(",\"s\":\"row ").append(i).append("\"}");
        }
        json.append(']');
        long seen = 0;
        List<String> names = null;
        try (RecordReader reader = new JsonRecordReader(new StringReader(json.toString()))) {
            for (SourceRecord r = reader.next(); r != null; r = reader.next()) {
                seen++;
                assertEquals(seen, r.position());
                assertEquals(Long.toString(seen), r.values().get(0));
                if (names != null) {
                    assertSame(names, r.names());
                }
                names = r.names();
            }
        }
        assertEquals(count, seen);
    }

    @Test
    void anElementLongerThanTheReaderMayHoldIsRefused() throws IOException {
        RetainingReader text = new RetainingReader(new StringReader("y".repeat(100_000)), 50_000);
        char[] buffer = new char[4000];
        assertThrows(RetainingReader.ElementTooLargeException.class, () -> {
            while (text.read(buffer, 0, buffer.length) > 0) {
                // keepFrom stays at 0: everything read must be held
            }
        });
        RetainingReader moving = new RetainingReader(new StringReader("z".repeat(100_000)), 50_000);
        long offset = 0;
        for (int n = moving.read(buffer, 0, buffer.length); n > 0; n = moving.read(buffer, 0, buffer.length)) {
            offset += n;
            moving.keepFrom(offset - 10);
        }
        assertEquals("zzzzzzzzzz", moving.text(offset - 10, offset));
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        JsonRecordReader reader = new JsonRecordReader(new StringReader("[{\"a\":1}]"));
        reader.next();
        reader.close();
        reader.close();
        assertNull(new JsonRecordReader(new StringReader("[]")).next());
    }

    private static final JsonShape ITEMS = JsonShape.exploding("items");

    private static List<SourceRecord> read(String json) throws IOException {
        return Records.read(Format.JSON, json);
    }

    private static List<SourceRecord> read(JsonShape shape, String json) throws IOException {
        return Records.read(Format.JSON, shape, json);
    }

    private static List<Long> positions(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::position).toList();
    }

    /** Asserts a readable record's names and values, in order. */
    static void assertRecord(Map<String, String> expected, SourceRecord record) {
        assertTrue(record.isReadable(), record.error());
        assertEquals(List.copyOf(expected.keySet()), record.names());
        assertEquals(Arrays.asList(expected.values().toArray()), record.values());
    }

    /** An ordered map of names and values (values may be null). */
    static Map<String, String> map(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
