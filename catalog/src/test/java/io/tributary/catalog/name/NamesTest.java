package io.tributary.catalog.name;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.problem.ProblemException;

class NamesTest {

    @Test
    void acceptsDatasetNamesInLowerCaseStartingWithALetterUpTo63Characters() {
        for (String name : List.of("s", "sales", "sales_by_region_2024", "a" + "b".repeat(62))) {
            assertDoesNotThrow(() -> DatasetName.of("path parameter 'dataset'", name), name);
        }
    }

    @Test
    void refusesOtherDatasetNamesSayingWhereAndWhatIsAllowed() {
        for (String name : Arrays.asList("", "Sales", "1sales", "_sales", "sales-eu", "sales.eu", "sälar",
                "a" + "b".repeat(63), null)) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> DatasetName.of("path parameter 'dataset'", name));
            assertEquals(Response.Status.BAD_REQUEST, e.status());
            assertEquals("invalid dataset name", e.detail());
            String problem = e.problems().get(0);
            assertTrue(problem.startsWith("path parameter 'dataset': " + (name == null ? "nothing" : "'" + name + "'")),
                    problem);
            assertTrue(problem.contains(DatasetName.RULE.rule()), problem);
            assertTrue(problem.contains("[a-z][a-z0-9_]{0,62}"), problem);
        }
    }

    @Test
    void holdsPipelineNamesTo48CharactersSoThatTheirTablesCanAddASuffix() {
        assertTrue(PipelineName.RULE.accepts("a" + "b".repeat(47)));
        List<String> problems = new ArrayList<>();
        assertFalse(PipelineName.RULE.check("$.name", "a" + "b".repeat(48), problems));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$.name: 'a"), problems.get(0));
        assertTrue(problems.get(0).contains("is not a pipeline name: a lower-case letter, then up to 47"),
                problems.get(0));
    }

    @Test
    void letsSourceNamesStartWithADigitAndHoldHyphens() {
        assertTrue(SourceName.RULE.accepts("pos-east"));
        assertTrue(SourceName.RULE.accepts("1shop"));
        assertTrue(SourceName.RULE.accepts("a" + "b".repeat(127)));
        assertFalse(SourceName.RULE.accepts("a" + "b".repeat(128)));
        assertFalse(SourceName.RULE.accepts("Bad Name"));
        assertFalse(DatasetName.RULE.accepts("pos-east"));
    }

    @Test
    void addsNoProblemForANameItAccepts() {
        List<String> problems = new ArrayList<>();
        assertTrue(SourceName.RULE.check("name", "pos-east", problems));
        assertTrue(problems.isEmpty());
    }

    @Test
    void makesNoTypedNameThatBreaksItsRule() {
        assertEquals("sales", new DatasetName("sales").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PipelineName("Sales"));
        assertEquals("'Sales' is not a pipeline name: " + PipelineName.RULE.rule() + " ([a-z][a-z0-9_]{0,47})",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SourceName(null));
    }
}
