package io.tributary.catalog.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class LeaseDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final UUID MINE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID THEIRS = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void takesWorkNobodyHasLeased() {
        assertEquals(new LeaseDecision.Take(), LeaseDecision.toAcquire(null, NOW));
    }

    @Test
    void takesWorkWhoseLeaseWasReleased() {
        assertEquals(new LeaseDecision.Take(),
                LeaseDecision.toAcquire(new LeaseRow("ingestion-1", null, Instant.MIN), NOW));
    }

    @Test
    void leavesWorkToAHolderWhoseLeaseRunsOn() {
        Instant until = NOW.plusSeconds(1);
        assertEquals(new LeaseDecision.Busy("ingestion-1", until),
                LeaseDecision.toAcquire(new LeaseRow("ingestion-1", THEIRS, until), NOW));
    }

    @Test
    void takesOverWorkWhoseLeaseLapsed() {
        assertEquals(new LeaseDecision.Take(),
                LeaseDecision.toAcquire(new LeaseRow("ingestion-1", THEIRS, NOW.minusMillis(1)), NOW));
    }

    @Test
    void takesOverWorkWhoseLeaseLapsesThisVeryInstant() {
        assertEquals(new LeaseDecision.Take(), LeaseDecision.toAcquire(new LeaseRow("ingestion-1", THEIRS, NOW), NOW));
    }

    @Test
    void anInstanceDoesNotTakeAgainWorkItAlreadyHolds() {
        assertEquals(new LeaseDecision.Busy("ingestion-1", NOW.plusSeconds(30)),
                LeaseDecision.toAcquire(new LeaseRow("ingestion-1", MINE, NOW.plusSeconds(30)), NOW));
    }

    @Test
    void extendsItsOwnLease() {
        assertEquals(new LeaseDecision.Extend(),
                LeaseDecision.toKeep(new LeaseRow("ingestion-1", MINE, NOW.plusSeconds(5)), MINE));
    }

    @Test
    void extendsItsOwnLapsedLeaseThatNobodyTook() {
        assertEquals(new LeaseDecision.Extend(),
                LeaseDecision.toKeep(new LeaseRow("ingestion-1", MINE, NOW.minusSeconds(5)), MINE));
    }

    @Test
    void losesALeaseAnotherHoldingTookOver() {
        assertEquals(new LeaseDecision.Lost("ingestion-2"),
                LeaseDecision.toKeep(new LeaseRow("ingestion-2", THEIRS, NOW.plusSeconds(30)), MINE));
    }

    @Test
    void losesALeaseTakenOverByAnotherHoldingOfTheSameInstance() {
        assertEquals(new LeaseDecision.Lost("ingestion-1"),
                LeaseDecision.toKeep(new LeaseRow("ingestion-1", THEIRS, NOW.plusSeconds(30)), MINE));
    }

    @Test
    void losesALeaseThatNoLongerExistsOrWasFreed() {
        assertEquals(new LeaseDecision.Lost(null), LeaseDecision.toKeep(null, MINE));
        assertEquals(new LeaseDecision.Lost(null),
                LeaseDecision.toKeep(new LeaseRow("ingestion-1", null, Instant.MIN), MINE));
    }
}
