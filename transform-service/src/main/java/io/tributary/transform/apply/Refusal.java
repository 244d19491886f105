package io.tributary.transform.apply;

/**
 * Why a record's row was refused when it was stored.
 *
 * @param step where: {@code store} for the pipeline's tables
 * @param reason PostgreSQL's message, or the exception's
 * @param sqlState PostgreSQL's SQLSTATE, or null when the failure carried none
 */
record Refusal(String step, String reason, String sqlState) {

    static Refusal of(Throwable failure) {
        return new Refusal("store", "its row could not be stored: " + Failures.describe(failure),
                Failures.sqlState(failure));
    }
}
