package io.tributary.ingestion.enforcement;

import java.util.Map;

/**
 * A record checked against the contract: either its typed values and business key, or the first violation found.
 */
public record CheckedRecord(Map<String, Object> data, String businessKey, Violation violation) {

    static CheckedRecord accepted(Map<String, Object> data, String businessKey) {
        return new CheckedRecord(data, businessKey, null);
    }

    static CheckedRecord rejected(Violation violation) {
        return new CheckedRecord(null, null, violation);
    }

    public boolean isAccepted() {
        return violation == null;
    }
}
