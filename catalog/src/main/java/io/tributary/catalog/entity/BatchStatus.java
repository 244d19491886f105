package io.tributary.catalog.entity;

public enum BatchStatus {
    /** Stored in the landing archive, not yet processed. */
    RECEIVED,
    /** Being read, checked and published. */
    PROCESSING,
    /** Held whole for an operator: its fields drifted from the contract, or too many of its records failed it. */
    AWAITING_REVIEW,
    /** Every record was published, quarantined or counted as a duplicate. */
    COMPLETED,
    /** Set aside by an operator; nothing of it was published. */
    REJECTED,
    /** Could not be processed at all (for example the dataset has no contract); nothing was published. */
    FAILED
}
