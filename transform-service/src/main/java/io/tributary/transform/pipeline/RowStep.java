package io.tributary.transform.pipeline;

/** A compiled step. */
@FunctionalInterface
interface RowStep {

    /**
     * @return false when the record is filtered out
     * @throws RowFailure when the record cannot be processed
     */
    boolean apply(WorkingRow row);
}
