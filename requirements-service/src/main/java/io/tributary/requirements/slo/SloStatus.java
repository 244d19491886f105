package io.tributary.requirements.slo;

import java.time.Instant;

/**
 * An objective's latest evaluation and where its budget stands.
 *
 * @param since when the objective entered its current state
 * @param goodShare good slices among those evaluated in the SLO's window; null when none was
 * @param budgetLeft the share of the window's error budget not yet spent (below 0 when overspent)
 * @param dataSince the earliest data ever seen held for the target (what retention is checked against)
 */
public record SloStatus(long requirementId, int version, Status state, Double value, Instant evaluatedAt,
        Double goodShare, Double budgetLeft, Instant since, Instant lastViolationAt, Instant dataSince) {
}
