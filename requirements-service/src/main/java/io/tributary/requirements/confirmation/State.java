package io.tributary.requirements.confirmation;

/** Where a version of a requirement stands with its stakeholders. */
public enum State {
    /** Being written; not yet read back to anyone. */
    DRAFT,
    /** Read back to its stakeholders, who confirm it or ask for changes. */
    PROPOSED,
    /** Agreed: written into the contract, alerted on. */
    CONFIRMED,
    /** The stakeholders asked for changes; the author edits it and proposes it again. */
    CHANGES_REQUESTED,
    /** A later version was confirmed in its place. */
    SUPERSEDED,
    /** Something it depends on changed; it stays in force until its stakeholders confirm it again. */
    NEEDS_RECONFIRMATION;

    /** Whether the version is an agreement in force: evaluated with alerts, written into contracts. */
    public boolean inForce() {
        return this == CONFIRMED || this == NEEDS_RECONFIRMATION;
    }
}
