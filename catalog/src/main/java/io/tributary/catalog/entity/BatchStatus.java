package io.tributary.catalog.entity;

public enum BatchStatus {
    /** Stored in the landing archive, not yet processed. */
    RECEIVED, PROCESSING, COMPLETED,
    /** Could not be processed at all (for example the dataset has no contract); nothing was published. */
    FAILED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }
}
