package io.tributary.requirements.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SliceLedgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

    @Test
    void aSliceWithOneBadEvaluationIsBad() {
        SliceLedger ledger = new SliceLedger(Duration.ofMinutes(1), 60);
        ledger.record(clock.instant(), true);
        ledger.record(clock.advance(Duration.ofSeconds(10)), false);
        ledger.record(clock.advance(Duration.ofSeconds(10)), true);
        long now = ledger.index(clock.instant());
        assertEquals(new SliceCounts(0, 1), ledger.count(now, now));
        assertEquals(2, ledger.headGood());
        assertEquals(1, ledger.headBad());
    }

    @Test
    void countsGoodAndBadSlicesAndSkipsThoseWithoutEvaluation() {
        SliceLedger ledger = new SliceLedger(Duration.ofMinutes(1), 60);
        long first = ledger.index(clock.instant());
        for (int minute = 0; minute < 10; minute++) {
            if (minute != 4) {
                ledger.record(clock.instant(), minute != 7);
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(new SliceCounts(8, 1), ledger.count(first, first + 9));
        assertEquals(new SliceCounts(2, 1), ledger.last(3, first + 9));
    }

    @Test
    void forgetsSlicesOlderThanItsCapacityAcrossTheRingsEnd() {
        SliceLedger ledger = new SliceLedger(Duration.ofSeconds(10), 100);
        long first = ledger.index(clock.instant());
        for (int i = 0; i < 250; i++) {
            ledger.record(clock.instant(), i % 10 != 0);
            clock.advance(Duration.ofSeconds(10));
        }
        long last = first + 249;
        assertEquals(new SliceCounts(90, 10), ledger.count(first, last));
        assertEquals(new SliceCounts(0, 0), ledger.count(first, first + 149));
        assertEquals(new SliceCounts(45, 5), ledger.last(50, last));
    }

    @Test
    void aLongGapClearsEverything() {
        SliceLedger ledger = new SliceLedger(Duration.ofMinutes(1), 30);
        ledger.record(clock.instant(), false);
        ledger.record(clock.advance(Duration.ofHours(5)), true);
        long now = ledger.index(clock.instant());
        assertEquals(new SliceCounts(1, 0), ledger.count(now - 29, now));
    }

    @Test
    void isFilledAgainFromStoredSlicesAndIgnoresTooOldOnes() {
        SliceLedger ledger = new SliceLedger(Duration.ofMinutes(1), 10);
        long now = ledger.index(clock.instant());
        ledger.add(now - 20, 6, 0);
        ledger.add(now - 3, 5, 1);
        ledger.add(now - 2, 6, 0);
        ledger.add(now, 3, 0);
        assertEquals(new SliceCounts(2, 1), ledger.count(now - 9, now));
        assertEquals(3, ledger.headGood());
    }
}
