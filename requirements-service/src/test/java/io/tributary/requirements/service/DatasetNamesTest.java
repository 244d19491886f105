package io.tributary.requirements.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.problem.ProblemException;

class DatasetNamesTest {

    @Test
    void acceptsLowerCaseNamesStartingWithALetter() {
        for (String name : List.of("s", "sales", "sales_by_region_2024", "a" + "b".repeat(62))) {
            assertDoesNotThrow(() -> DatasetNames.check(name), name);
        }
    }

    @Test
    void rejectsOtherNamesSayingWhichParameterAndWhatIsAllowed() {
        for (String name : Arrays.asList("", "Sales", "1sales", "_sales", "sales-eu", "sales.eu", "sälar",
                "a" + "b".repeat(63), null)) {
            ProblemException e = assertThrows(ProblemException.class, () -> DatasetNames.check(name));
            assertEquals(Response.Status.BAD_REQUEST, e.status());
            assertTrue(e.problems().get(0).startsWith("path parameter 'dataset': '" + name + "'"), e.problems().get(0));
            assertTrue(e.problems().get(0).contains(DatasetNames.PATTERN));
        }
    }
}
