package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.entity.SourceEntity.Format;

class BodyProblemsTest {

    @Test
    void saysWhereAndWhyABodyIsNotJson() throws IOException {
        List<String> problems = problems(Format.JSON, "[1 true]");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("line 1, column 4: "), problems.get(0));
    }

    @Test
    void listsEveryLineOfNdjsonThatIsNotJson() throws IOException {
        List<String> problems = problems(Format.NDJSON, "{\"a\":1}\n{not json}\n{\"a\":2}\n[1,\n");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("line 2, column 2: "), problems.get(0));
        assertTrue(problems.get(1).startsWith("line 4, column "), problems.get(1));
    }

    @Test
    void leavesValidJsonThatIsNoRecordToTheQuarantine() throws IOException {
        assertEquals(List.of(), problems(Format.JSON, "[{\"a\": 1}, 2, \"x\"]"));
        assertEquals(List.of(), problems(Format.NDJSON, "{\"a\":1}\n[1]\n"));
    }

    @Test
    void refusesABodyWithoutEvents() throws IOException {
        assertTrue(problems(Format.NDJSON, "\n  \n").get(0).contains("holds no event"));
        assertTrue(problems(Format.JSON, "").get(0).startsWith("line 1, column 1: "));
    }

    @Test
    void countsTheProblemsPastTheMostTold() throws IOException {
        List<String> problems = problems(Format.NDJSON, "{\n".repeat(BodyProblems.MAX + 5));
        assertEquals(BodyProblems.MAX + 1, problems.size());
        assertEquals("and 5 more records: the same holds for them", problems.get(BodyProblems.MAX));
    }

    private static List<String> problems(Format format, String body) throws IOException {
        try (RecordReader reader = RecordReaders.open(format, Map.of(),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))) {
            return BodyProblems.of(reader);
        }
    }
}
