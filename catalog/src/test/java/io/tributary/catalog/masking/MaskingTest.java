package io.tributary.catalog.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksAValueButKeepsNull() {
        assertEquals("***", Masking.value("ann@example.com"));
        assertEquals("***", Masking.value(""));
        assertNull(Masking.value((String) null));
        assertEquals("***", Masking.value((Object) 42));
    }

    @Test
    void masksTheValuesOfPersonalNamesInAMapKeepingItsOrder() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer", "c1");
        row.put("email", "ann@example.com");
        row.put("phone", null);
        row.put("sales", 12);
        Map<String, Object> masked = Masking.values(row, Set.of("email", "phone")::contains);
        assertEquals(List.of("customer", "email", "phone", "sales"), List.copyOf(masked.keySet()));
        assertEquals("***", masked.get("email"));
        assertNull(masked.get("phone"));
        assertEquals(12, masked.get("sales"));
        assertEquals("ann@example.com", row.get("email"));
    }

    @Test
    void masksEveryOccurrenceOfAValueInASentence() {
        assertEquals("'***' does not match the pattern; *** is not an address",
                Masking.text("'ann@x' does not match the pattern; ann@x is not an address", "ann@x"));
        assertEquals("value is missing", Masking.text("value is missing", ""));
        assertEquals("value is missing", Masking.text("value is missing", null));
    }

    @Test
    void masksPersonalMembersOfAJsonDocumentAtAnyDepth() {
        String document = """
                {"id":"o1","email":"ann@example.com","total":10.50,"customer":{"name":"Ann","city":"Oslo"},\
                "items":[{"sku":"a","name":"Ann"},{"sku":"b","name":null}],"note":{"email":{"work":"a@b"}}}""";
        assertEquals("""
                {"id":"o1","email":"***","total":10.50,"customer":{"name":"***","city":"Oslo"},\
                "items":[{"sku":"a","name":"***"},{"sku":"b","name":null}],"note":{"email":"***"}}""",
                Masking.json(document, Set.of("email", "name")));
    }

    @Test
    void keepsAJsonDocumentWithoutPersonalMembersAsItCame() {
        String document = "{ \"id\" : 1.0,  \"city\": \"Oslo\" }";
        assertSame(document, Masking.json(document, Set.of("email")));
        assertSame(document, Masking.json(document, Set.of()));
    }

    @Test
    void masksTextThatIsNotOneJsonValueWhole() {
        assertEquals("***", Masking.json("{\"email\": \"ann@example.com\"", Set.of("email")));
        assertEquals("***", Masking.json("{\"email\": \"a\"} {\"email\": \"b\"}", Set.of("email")));
        assertEquals("***", Masking.json("", Set.of("email")));
    }

    @Test
    void writesADelimitedLineWithPersonalFieldsMaskedAndOthersQuotedAsNeeded() {
        assertEquals("o1,***,\"Oslo, Norway\",\"say \"\"hi\"\"\",***",
                Masking.delimited(List.of("o1", "ann@example.com", "Oslo, Norway", "say \"hi\"", ""), Set.of(1, 4),
                        ',', '"'));
        assertEquals("o1;***;'it''s'", Masking.delimited(List.of("o1", "x;y", "it's"), Set.of(1), ';', '\''));
    }
}
