package io.tributary.requirements.confirmation;

/** What moves a requirement's version from one {@link State} to the next. */
public enum Action {
    /** The first version is written; it starts as a draft (or proposed, when imported from a contract). */
    CREATE,
    /** The author reads the requirement back to its stakeholders. */
    PROPOSE,
    /** A stakeholder agrees with the read-back. */
    CONFIRM,
    /** A stakeholder asks for changes, with a comment. */
    REQUEST_CHANGES,
    /** The author changes a version that was not agreed yet. */
    EDIT,
    /** Something the requirement depends on changed (a contract, a pipeline, a source). */
    REOPEN,
    /** A later version of the requirement was confirmed. */
    SUPERSEDE
}
