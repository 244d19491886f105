package io.tributary.ingestion.batch;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.enforcement.CheckedRecord;
import io.tributary.ingestion.parsing.SourceRecord;

/** Accepted records as events, with their identity: the same source and key always give the same id. */
public final class RecordEvents {

    /** One MD5 digest per thread: looking one up is dearer than the hash of a short key. */
    private static final ThreadLocal<NameDigest> MD5 = ThreadLocal.withInitial(NameDigest::new);

    /** A thread's MD5 digest, the UTF-8 bytes of the last source followed by a line feed, and room for a hash. */
    private static final class NameDigest {
        private final MessageDigest md5;
        private final byte[] hash = new byte[16];
        private String source;
        private byte[] sourceLine;

        NameDigest() {
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is not available", e);
            }
        }

        /** The MD5 of the source, a line feed and the key, in UTF-8; the array is the digest's, reused. */
        byte[] hash(String source, String key) {
            if (!source.equals(this.source)) {
                sourceLine = (source + "\n").getBytes(StandardCharsets.UTF_8);
                this.source = source;
            }
            md5.update(sourceLine);
            md5.update(key.getBytes(StandardCharsets.UTF_8));
            try {
                md5.digest(hash, 0, hash.length);
            } catch (DigestException e) {
                throw new IllegalStateException("an MD5 hash is 16 bytes", e);
            }
            return hash;
        }
    }

    private RecordEvents() {
    }

    /** The events of a batch's accepted records. */
    public static OfBatch of(BatchJob job) {
        return new OfBatch(job.source(), job.dataset(), job.contractVersion(), job.batchId());
    }

    /** The events of one batch's accepted records: the attributes they share are made once, not per record. */
    public static final class OfBatch {

        private final String sourceName;
        private final String dataset;
        private final int contractVersion;
        private final UUID batch;
        private final String source;
        private final String dataschema;

        public OfBatch(String sourceName, String dataset, int contractVersion, UUID batch) {
            this.sourceName = sourceName;
            this.dataset = dataset;
            this.contractVersion = contractVersion;
            this.batch = batch;
            this.source = RecordEvent.sourceOf(sourceName);
            this.dataschema = RecordEvent.dataschemaOf(dataset, contractVersion);
        }

        /** The event of an accepted record published under the key, with the identity the source and key give. */
        public RecordEvent accepted(long position, CheckedRecord checked, String key, Instant at) {
            return event(id(sourceName, key), position, checked, at);
        }

        /** The event of an accepted record with the given identity: what {@link RecordEvent#accepted} makes. */
        public RecordEvent event(UUID id, long position, CheckedRecord checked, Instant at) {
            return new RecordEvent(RecordEvent.SPEC_VERSION, id, source, RecordEvent.ACCEPTED_TYPE,
                    checked.businessKey(), at, RecordEvent.DATA_CONTENT_TYPE, dataschema, dataset, batch, position,
                    contractVersion, checked.data());
        }
    }

    /**
     * The record's id: {@code UUID.nameUUIDFromBytes} of the UTF-8 bytes of the source, a line feed and the key (a
     * version 3 UUID), computed with the thread's digest.
     */
    public static UUID id(String source, String key) {
        byte[] hash = MD5.get().hash(source, key);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        // version 3, IETF variant
        msb = (msb & ~0xf000L) | 0x3000L;
        lsb = (lsb & ~(0xc0L << 56)) | (0x80L << 56);
        return new UUID(msb, lsb);
    }

    /** The key a record is published under: its business key, else its raw text. */
    public static String key(CheckedRecord checked, String raw) {
        return checked.businessKey() != null ? checked.businessKey() : raw;
    }

    /** The key a record is published under: its business key, else its raw text (made only then). */
    public static String key(CheckedRecord checked, SourceRecord record) {
        return checked.businessKey() != null ? checked.businessKey() : record.raw();
    }
}
