package io.tributary.transform.curated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CuratedTableRepositoryTest {

    private static CuratedRow row(Map<String, Object> values) {
        return new CuratedRow("k", UUID.randomUUID(), "files", UUID.randomUUID(), 1, 0, 1, 1, "h",
                CuratedRow.Status.CURATED, List.of(), "{}", Instant.EPOCH, values);
    }

    @Test
    void readsEachColumnOfEveryRowWhateverTheOrderOfItsValues() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("region", "West");
        ordered.put("sales", 3L);
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("sales", 5L);
        reversed.put("region", "East");
        Object[][] values = CuratedTableRepository.byColumn(List.of("region", "sales"),
                List.of(row(ordered), row(reversed)));
        assertArrayEquals(new Object[]{"West", "East"}, values[0]);
        assertArrayEquals(new Object[]{3L, 5L}, values[1]);
    }

    @Test
    void leavesAColumnNullWhereARowHasNoValueAndIgnoresValuesOfNoColumn() {
        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put("input_only", "x");
        partial.put("sales", 7L);
        Object[][] values = CuratedTableRepository.byColumn(List.of("region", "sales"),
                List.of(row(partial), row(Map.of())));
        assertArrayEquals(new Object[]{null, null}, values[0]);
        assertArrayEquals(new Object[]{7L, null}, values[1]);
    }
}
