package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormatOptionsTest {

    @Test
    void encodingAutoAndKnownEncodingsAreAccepted() {
        for (String encoding : List.of("auto", "AUTO", "UTF-8", "windows-1252", "ISO-8859-1", "UTF-16LE")) {
            assertEquals(List.of(), problems(Map.of("encoding", encoding)), encoding);
        }
    }

    @Test
    void unknownEncodingsAreRejectedWithTheWayOut() {
        List<String> problems = problems(Map.of("encoding", "klingon-8"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("'klingon-8'") && problems.get(0).contains("'auto'"), problems.get(0));
        assertEquals(1, problems(Map.of("encoding", "not a name!")).size());
    }

    @Test
    void noEncodingOrAutoMeansDetect() {
        assertNull(FormatOptions.declaredEncoding(Map.of()));
        assertNull(FormatOptions.declaredEncoding(Map.of("encoding", "auto")));
        assertEquals(Charset.forName("windows-1252"), FormatOptions.declaredEncoding(Map.of("encoding", "windows-1252")));
        assertEquals(StandardCharsets.ISO_8859_1, FormatOptions.declaredEncoding(Map.of("encoding", "latin1")));
    }

    @Test
    void delimiterAndQuoteAreOneCharacterOrTab() {
        assertEquals(new CsvFormat('\t', '\''), FormatOptions.csvFormat(Map.of("delimiter", "tab", "quote", "'")));
        assertEquals(CsvFormat.RFC_4180, FormatOptions.csvFormat(Map.of()));
        assertEquals(1, problems(Map.of("delimiter", ";;")).size());
    }

    private static List<String> problems(Map<String, String> options) {
        List<String> problems = new ArrayList<>();
        FormatOptions.check(options, problems);
        return problems;
    }
}
