package io.tributary.catalog.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.contract.ContractReader;

class StorableTextTest {

    @Test
    void acceptsOrdinaryTextIncludingCharactersOutsideTheBasicPlane() {
        assertEquals(List.of(), problems("{\"a\":[\"caf\\u00e9\",\"\\ud83d\\ude00\",1,true,null],\"b\":{\"c\":\"d\"}}"));
    }

    @Test
    void namesThePathOfNulCharactersInValuesAndKeys() {
        assertEquals(List.of("$.a[1]: the value contains U+0000, which cannot be stored",
                "$.b.c\u0000: the key contains U+0000, which cannot be stored"),
                problems("{\"a\":[\"ok\",\"x\\u0000y\"],\"b\":{\"c\\u0000\":1}}"));
    }

    @Test
    void namesThePathOfUnpairedSurrogates() {
        assertEquals(List.of("$.a: the value contains an unpaired surrogate \\ud800, which is not a character",
                "$.b: the value contains an unpaired surrogate \\ude00, which is not a character"),
                problems("{\"a\":\"x\\ud800\",\"b\":\"\\ude00y\"}"));
    }

    private static List<String> problems(String json) {
        return StorableText.problems(ContractReader.parse(json, ContractReader.Syntax.JSON));
    }
}
