package io.tributary.requirements.slo;

/** What one evaluation of an objective found. */
public enum Status {
    MET,
    VIOLATED,
    /** Nothing to measure yet: no data arrived, no probe answered, no record was applied in the window. */
    NO_DATA
}
