package io.tributary.requirements.mapping;

import io.tributary.catalog.audit.AuditEntry;
import io.tributary.requirements.api.AuditEntryResponse;

public final class AuditMapper {

    private AuditMapper() {
    }

    public static AuditEntryResponse toResponse(AuditEntry entry) {
        return new AuditEntryResponse(entry.id(), entry.at(), entry.service(), entry.principal(), entry.roles(),
                entry.method(), entry.path(), entry.operation(), entry.status(), entry.remote(), entry.before(),
                entry.after());
    }
}
