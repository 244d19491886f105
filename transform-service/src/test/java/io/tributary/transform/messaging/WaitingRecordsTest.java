package io.tributary.transform.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaitingRecordsTest {

    @Test
    void handsOverABacklogOnceTheTopicsEndIsReached() {
        assertTrue(WaitingRecords.handOver(30_000, 0, null, 20_000));
    }

    @Test
    void waitsWhileTheBacklogGrowsSoThatTheBuildTakesTheWholeFile() {
        assertFalse(WaitingRecords.handOver(300_000, 295_000, null, 20_000));
        assertFalse(WaitingRecords.handOver(600_000, 595_000, 300_000L, 20_000));
        assertTrue(WaitingRecords.handOver(595_000, 590_000, 600_000L, 20_000));
    }

    @Test
    void leavesFewRecordsToThePerRecordPath() {
        assertFalse(WaitingRecords.handOver(19_999, 0, 25_000L, 20_000));
        assertFalse(WaitingRecords.handOver(5_000, 0, null, 20_000));
    }
}
