package io.tributary.ingestion.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SourceTopicsTest {

    private static final List<Pattern> ANY = List.of(Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*"));

    @Test
    void refusesTributarysOwnTopicsWhateverTheAllowList() {
        for (String topic : List.of("tributary-records-accepted", "tributary-alerts", "tributary-x")) {
            List<String> problems = SourceTopics.problems(topic, List.of(Pattern.compile(".*")));
            assertEquals(1, problems.size(), topic);
            assertTrue(problems.get(0).contains("Tributary's own topics"), problems::toString);
        }
    }

    @Test
    void allowsOnlyTopicsAPatternMatchesWhole() {
        List<Pattern> shop = List.of(Pattern.compile("shop\\..+"), Pattern.compile("pos-events"));
        assertEquals(List.of(), SourceTopics.problems("shop.orders", shop));
        assertEquals(List.of(), SourceTopics.problems("pos-events", shop));
        assertEquals(1, SourceTopics.problems("pos-events-2", shop).size());
        assertEquals(1, SourceTopics.problems("hr.salaries", shop).size());
        assertEquals(List.of(), SourceTopics.problems("hr.salaries", ANY));
    }
}
