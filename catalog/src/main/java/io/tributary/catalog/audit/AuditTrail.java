package io.tributary.catalog.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * What a write tells the audit log beyond what {@link AuditFilter} sees: the state before it, where that matters (an
 * account's roles, a source's definition, a key before its revocation). Request-scoped: one per write.
 */
@RequestScoped
public class AuditTrail {

    private Object before;

    /** The state the write replaces or removes, as its API answers it; recorded with the write. */
    public void before(Object state) {
        this.before = state;
    }

    Object before() {
        return before;
    }
}
