package io.tributary.transform.pipeline;

/** Thrown by a step that cannot process a record; the record is quarantined with the field and reason. */
final class RowFailure extends RuntimeException {

    private final String field;

    RowFailure(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
