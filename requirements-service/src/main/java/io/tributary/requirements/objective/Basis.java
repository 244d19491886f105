package io.tributary.requirements.objective;

/** What the age or delay of data is measured from. */
public enum Basis {
    /** When ingestion accepted the record. */
    ARRIVAL,
    /** The record's own event time: when it happened. */
    EVENT_TIME
}
