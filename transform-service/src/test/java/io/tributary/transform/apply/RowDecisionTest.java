package io.tributary.transform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tributary.transform.apply.Item.Mode;
import io.tributary.transform.curated.CuratedRow;
import io.tributary.transform.curated.CuratedRow.Status;

/** The exactly-once decision on its own: rows made up in memory, no database. */
class RowDecisionTest {

    private static final Instant DAY = Instant.parse("2024-03-10T00:00:00Z");

    /** A row of key k, read from partition 0 at {@code offset}, computed by {@code version} from data {@code hash}. */
    private static CuratedRow row(long offset, String hash, int version, Status status, Map<String, Object> values) {
        return new CuratedRow("k", UUID.nameUUIDFromBytes(hash.getBytes()), "src", UUID.randomUUID(), 1, 0, offset,
                version, hash, status, List.of(), "{}", DAY, values);
    }

    private static CuratedRow curated(long offset, String hash, int version) {
        return row(offset, hash, version, Status.CURATED, Map.of("amount", hash));
    }

    private static CuratedRow onPartition(int partition, CuratedRow row) {
        return new CuratedRow(row.key(), row.recordId(), row.source(), row.batch(), row.position(), partition,
                row.offset(), row.version(), row.hash(), row.status(), row.pending(), row.input(), row.acceptedAt(),
                row.values());
    }

    private static RowDecision decide(Mode mode, CuratedRow stored, CuratedRow computed) {
        return RowDecision.decide(mode, stored, computed, null, null);
    }

    private static RowDecision.Write write(RowDecision decision) {
        return assertInstanceOf(RowDecision.Write.class, decision);
    }

    @Test
    void curatesAKeyThatHasNoRowYet() {
        CuratedRow computed = curated(5, "a", 1);

        RowDecision.Write write = write(decide(Mode.LIVE, null, computed));

        assertSame(computed, write.row());
        assertEquals(RowDecision.Effect.CURATED, write.effect());
        assertNull(write.retracted());
        assertFalse(write.late());
    }

    @Test
    void correctsAStoredKeyAndTakesItsCuratedRowOutOfTheAggregate() {
        CuratedRow stored = curated(5, "a", 1);

        RowDecision.Write write = write(decide(Mode.LIVE, stored, curated(6, "b", 1)));

        assertEquals(RowDecision.Effect.CORRECTED, write.effect());
        assertSame(stored, write.retracted());
    }

    @Test
    void retractsNothingWhenTheStoredRowWasFilteredOrFailed() {
        for (Status status : List.of(Status.FILTERED, Status.FAILED)) {
            CuratedRow stored = row(5, "a", 1, status, Map.of());

            assertNull(write(decide(Mode.LIVE, stored, curated(6, "b", 1))).retracted());
        }
    }

    @Test
    void countsALiveRecordAFilterLeftOutOrThatFailedAsSuchWhetherOrNotItsKeyHadARow() {
        for (CuratedRow stored : Arrays.asList(null, curated(5, "a", 1))) {
            assertEquals(RowDecision.Effect.FILTERED,
                    write(decide(Mode.LIVE, stored, row(6, "b", 1, Status.FILTERED, Map.of()))).effect());
            assertEquals(RowDecision.Effect.FAILED,
                    write(decide(Mode.LIVE, stored, row(6, "b", 1, Status.FAILED, Map.of()))).effect());
        }
    }

    @Test
    void passesOverAnOlderOffsetOfTheSamePartition() {
        CuratedRow stored = curated(9, "new", 1);

        assertInstanceOf(RowDecision.Superseded.class, decide(Mode.LIVE, stored, curated(8, "old", 1)));
        assertInstanceOf(RowDecision.Superseded.class, decide(Mode.REPLAY, stored, curated(8, "old", 1)));
    }

    @Test
    void appliesAnOlderOffsetOfAnotherPartition() {
        CuratedRow stored = curated(9, "a", 1);

        assertEquals(RowDecision.Effect.CORRECTED,
                write(decide(Mode.LIVE, stored, onPartition(1, curated(8, "b", 1)))).effect());
    }

    @Test
    void dropsTheSameDataComputedByTheSameVersionAsARepeat() {
        CuratedRow stored = curated(5, "a", 1);

        assertInstanceOf(RowDecision.Repeat.class, decide(Mode.LIVE, stored, curated(7, "a", 1)));
        assertInstanceOf(RowDecision.Repeat.class, decide(Mode.LIVE, stored, onPartition(1, curated(5, "a", 1))));
        assertInstanceOf(RowDecision.Repeat.class, decide(Mode.REPLAY, stored, curated(5, "a", 1)));
    }

    @Test
    void writesTheSameDataAgainWhenANewVersionComputesIt() {
        RowDecision.Write write = write(decide(Mode.LIVE, curated(5, "a", 1), curated(7, "a", 2)));

        assertEquals(RowDecision.Effect.CORRECTED, write.effect());
    }

    @Test
    void countsTheStreamsOwnRecordThatABackfillAppliedFirstAsCuratedNotAsARepeat() {
        CuratedRow stored = curated(5, "a", 1);

        assertInstanceOf(RowDecision.AppliedFirstByBackfill.class, decide(Mode.LIVE, stored, curated(5, "a", 1)));
    }

    @Test
    void recomputesAStoredRowWhateverItsOffsetAndData() {
        CuratedRow stored = curated(9, "a", 1);
        CuratedRow recomputed = row(9, "a", 2, Status.CURATED, Map.of("amount", "changed"));

        RowDecision.Write write = write(decide(Mode.REDERIVE, stored, recomputed));

        assertEquals(RowDecision.Effect.REDERIVED, write.effect());
        assertSame(stored, write.retracted());
    }

    @Test
    void leavesARowComputedAgainToWhatIsStoredUnwritten() {
        CuratedRow stored = curated(9, "a", 1);

        assertInstanceOf(RowDecision.Unchanged.class, decide(Mode.REDERIVE, stored, curated(9, "a", 1)));
        assertInstanceOf(RowDecision.Unchanged.class, decide(Mode.REPLAY, stored, sameValues(stored, 10, "b")));
    }

    @Test
    void writesARowComputedAgainWhenItsPendingReferencesOrStatusChanged() {
        CuratedRow stored = row(9, "a", 1, Status.CURATED, Map.of("amount", "a"));
        CuratedRow completed = new CuratedRow("k", stored.recordId(), "src", stored.batch(), 1, 0, 9, 1, "a",
                Status.CURATED, List.of("customers"), "{}", DAY, stored.values());

        assertEquals(RowDecision.Effect.REDERIVED, write(decide(Mode.REDERIVE, stored, completed)).effect());
        assertEquals(RowDecision.Effect.REDERIVED,
                write(decide(Mode.REDERIVE, stored, row(9, "a", 1, Status.FILTERED, Map.of()))).effect());
    }

    @Test
    void marksACuratedRowLateOnlyWhenItsEventTimeIsBeforeTheWatermarkLessTheLateness() {
        Instant lateBefore = DAY.minusSeconds(3600);

        assertTrue(write(RowDecision.decide(Mode.LIVE, null, curated(1, "a", 1), lateBefore.minusMillis(1),
                lateBefore)).late());
        assertFalse(write(RowDecision.decide(Mode.LIVE, null, curated(1, "a", 1), lateBefore, lateBefore)).late());
        assertFalse(write(RowDecision.decide(Mode.LIVE, null, curated(1, "a", 1), null, lateBefore)).late());
        assertFalse(write(RowDecision.decide(Mode.LIVE, null, curated(1, "a", 1), DAY.minusSeconds(86_400), null))
                .late());
        assertFalse(write(RowDecision.decide(Mode.LIVE, null, row(1, "a", 1, Status.FILTERED, Map.of()),
                lateBefore.minusMillis(1), lateBefore)).late());
    }

    @Test
    void marksALateRowComputedAgainLateToo() {
        Instant lateBefore = DAY;

        assertTrue(write(RowDecision.decide(Mode.REDERIVE, null, curated(1, "a", 1), DAY.minusMillis(1),
                lateBefore)).late());
    }

    private static CuratedRow sameValues(CuratedRow stored, long offset, String hash) {
        return row(offset, hash, stored.version(), stored.status(), stored.values());
    }
}
