package io.tributary.transform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class BacklogPlanTest {

    @Test
    void rebuildsARunningPipelineWhenAtLeastAsManyRecordsWaitAsItApplied() {
        assertTrue(BacklogBuild.worthRebuilding(1_000_000, 100_000, 20_000));
        assertTrue(BacklogBuild.worthRebuilding(50_000, 50_000, 20_000));
    }

    @Test
    void appliesTheWaitingRecordsOneByOneWhenTheBuildWouldReadMoreAgainThanItSaves() {
        assertFalse(BacklogBuild.worthRebuilding(100_000, 1_000_000, 20_000));
        assertFalse(BacklogBuild.worthRebuilding(19_999, 0, 20_000));
    }

    @Test
    void countsEveryRowOfAFirstVersionsBacklog() {
        assertEquals("true", BacklogBuild.counted(Map.of()));
        assertEquals("true", BacklogBuild.counted(Map.of(0, 0L, 1, 0L)));
    }

    @Test
    void countsARunningPipelinesRowsFromTheOffsetsItHadApplied() {
        assertEquals("_offset >= case _partition when 0 then 15 when 2 then 7 else 0 end",
                BacklogBuild.counted(new TreeMap<>(Map.of(0, 15L, 2, 7L))));
    }

    @Test
    void keepsWhereEveryLateRowCameFromHoweverManyThereAre() {
        BacklogBuild.Counts counts = new BacklogBuild.Counts();
        for (int i = 0; i < 100_000; i++) {
            counts.countLate(i % 3, 1_000_000_000_000L + i);
        }
        assertEquals(100_000, counts.late);
        assertEquals(100_000, counts.lateSeen);
        assertEquals(2, counts.latePartitions[99_998]);
        assertEquals(1_000_000_099_999L, counts.lateOffsets[99_999]);
        assertEquals(1_000_000_000_064L, counts.lateOffsets[64]);
    }
}
