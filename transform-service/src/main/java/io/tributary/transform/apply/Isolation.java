package io.tributary.transform.apply;

/** How a transaction applies each pipeline's records. */
public enum Isolation {
    /** All of a poll or chunk at once: the batch path, as fast as the set of records allows. */
    NONE,
    /**
     * After a failure a record caused ({@link Failures.Kind#RECORD}): each pipeline's records applied under a
     * savepoint, a failing set halved until the records that fail alone are found; those are quarantined and counted
     * failed, the others applied, in the same transaction as the offsets ({@link RecordIsolation}).
     */
    RECORDS
}
