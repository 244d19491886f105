package io.tributary.requirements.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

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
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> DatasetNames.check(name));
            assertTrue(e.details().get(0).startsWith("path parameter 'dataset': '" + name + "'"), e.details().get(0));
            assertTrue(e.details().get(0).contains(DatasetNames.PATTERN));
        }
    }
}
