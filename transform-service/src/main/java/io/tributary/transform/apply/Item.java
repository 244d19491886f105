package io.tributary.transform.apply;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.transform.curated.CuratedRow;

/**
 * A record to run through a pipeline, and why it is run.
 *
 * @param businessKey the record's identity from ingestion (its source and business key), its key in a pipeline that
 *        declares none
 */
record Item(
        String businessKey,
        Map<String, Object> data,
        String input,
        String hash,
        UUID recordId,
        String source,
        UUID batch,
        long position,
        int partition,
        long offset,
        Instant acceptedAt,
        Mode mode) {

    enum Mode {
        /** Fresh from the topic: counted as received, and as curated, corrected, duplicate... */
        LIVE,
        /** Read again from the topic by a backfill: applied unless a newer offset of its key is stored. */
        REPLAY,
        /** A stored row computed again: its reference arrived or changed, or a backfill runs a new version. */
        REDERIVE
    }

    static Item of(Delivery delivery, Mode mode) {
        RecordEvent event = delivery.event();
        return new Item(event.id().toString(), event.data(), delivery.record().input(), delivery.record().hash(),
                event.id(), event.sourceName(),
                event.tributarybatch(), event.tributaryposition(), delivery.partition(), delivery.offset(),
                event.time(), mode);
    }

    @SuppressWarnings("unchecked")
    static Item of(CuratedRow row) {
        Map<String, Object> data = EventJson.read(row.input().getBytes(StandardCharsets.UTF_8),
                Map.class);
        return new Item(row.key(), data, row.input(), row.hash(), row.recordId(), row.source(), row.batch(),
                row.position(), row.partition(), row.offset(), row.acceptedAt(), Mode.REDERIVE);
    }
}
