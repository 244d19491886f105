package io.tributary.catalog.lease;

import java.time.Instant;
import java.util.UUID;

/**
 * What an instance may do with a lease, decided from the lease's row alone and the database's clock, so that every
 * instance decides alike whatever its own clock says (decision 33).
 */
public sealed interface LeaseDecision {

    /** Nobody holds it, or its holder let it expire: take it. */
    record Take() implements LeaseDecision {
    }

    /** It is still ours: push its expiry back. */
    record Extend() implements LeaseDecision {
    }

    /** Another holding has it until then: leave the work to it. */
    record Busy(String holder, Instant until) implements LeaseDecision {
    }

    /** Another holding took it after ours lapsed: our work must stop without writing anything more. */
    record Lost(String holder) implements LeaseDecision {
    }

    /**
     * To start a unit of work.
     *
     * @param current the lease's row, null when there is none
     */
    static LeaseDecision toAcquire(LeaseRow current, Instant now) {
        if (current == null || current.token() == null || !current.expiresAt().isAfter(now)) {
            return new Take();
        }
        return new Busy(current.holder(), current.expiresAt());
    }

    /**
     * To go on with a unit of work held under {@code token}. A holding that lapsed but that nobody took since is still
     * the only one: it is extended, since no other instance can have started the work.
     *
     * @param current the lease's row, null when there is none
     */
    static LeaseDecision toKeep(LeaseRow current, UUID token) {
        if (current != null && token.equals(current.token())) {
            return new Extend();
        }
        return new Lost(current == null || current.token() == null ? null : current.holder());
    }
}
