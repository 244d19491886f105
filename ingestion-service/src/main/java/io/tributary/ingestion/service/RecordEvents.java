package io.tributary.ingestion.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.enforcement.CheckedRecord;

/** Accepted records as events, with their identity: the same source and key always give the same id. */
final class RecordEvents {

    private RecordEvents() {
    }

    static RecordEvent accepted(BatchJob job, long position, CheckedRecord checked, String key, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((job.source() + '\n' + key).getBytes(StandardCharsets.UTF_8));
        return RecordEvent.accepted(id, job.source(), checked.businessKey(), at, job.dataset(), job.contractVersion(),
                job.batchId(), position, checked.data());
    }

    /** The key a record is published under: its business key, else its raw text. */
    static String key(CheckedRecord checked, String raw) {
        return checked.businessKey() != null ? checked.businessKey() : raw;
    }
}
