package io.tributary.ingestion.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.enforcement.CheckedRecord;

/** Accepted records as events, with their identity: the same source and key always give the same id. */
public final class RecordEvents {

    /** One MD5 digest per thread: looking one up is dearer than the hash of a short key. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    });

    private RecordEvents() {
    }

    static RecordEvent accepted(BatchJob job, long position, CheckedRecord checked, String key, Instant at) {
        return RecordEvent.accepted(id(job.source(), key), job.source(), checked.businessKey(), at, job.dataset(),
                job.contractVersion(), job.batchId(), position, checked.data());
    }

    /**
     * The record's id: {@code UUID.nameUUIDFromBytes} of the UTF-8 bytes of the source, a line feed and the key (a
     * version 3 UUID), computed with the thread's digest.
     */
    public static UUID id(String source, String key) {
        MessageDigest md5 = MD5.get();
        md5.update(source.getBytes(StandardCharsets.UTF_8));
        md5.update((byte) '\n');
        md5.update(key.getBytes(StandardCharsets.UTF_8));
        byte[] hash = md5.digest();
        hash[6] &= 0x0f;
        hash[6] |= 0x30;
        hash[8] &= 0x3f;
        hash[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    /** The key a record is published under: its business key, else its raw text. */
    public static String key(CheckedRecord checked, String raw) {
        return checked.businessKey() != null ? checked.businessKey() : raw;
    }
}
