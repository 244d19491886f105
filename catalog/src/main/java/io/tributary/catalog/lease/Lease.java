package io.tributary.catalog.lease;

import java.util.Locale;
import java.util.UUID;

/**
 * A unit of work this instance holds: only the holder works on it, and it confirms the lease in the transaction of
 * every write the work makes ({@link Leases#confirm}), so that work taken over after the lease lapsed cannot also
 * be written by the instance that lost it.
 */
public final class Lease {

    /** The kinds of work instances share. */
    public enum Kind {
        /** Processing a batch of ingestion, or replaying its quarantine; the key is the batch id. */
        BATCH,
        /** Taking a file from a source's drop folder; the key is the source and the file's name. */
        FOLDER_FILE,
        /** Running a backfill of a pipeline; the key is the backfill id. */
        BACKFILL;

        /** The kind as the catalog stores it. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;
    private final String key;
    private final UUID token;
    private final String holder;
    private volatile boolean lost;
    private volatile String takenBy;

    Lease(Kind kind, String key, UUID token, String holder) {
        this.kind = kind;
        this.key = key;
        this.token = token;
        this.holder = holder;
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    /** This holding; another holding of the same work, even by the same instance, has another token. */
    public UUID token() {
        return token;
    }

    /** The instance that holds it. */
    public String holder() {
        return holder;
    }

    /**
     * Stops the work once another holding took it over; cheap enough to call for every record.
     *
     * @throws LeaseLostException if a renewal found the lease taken over
     */
    public void ensureHeld() {
        if (lost) {
            throw new LeaseLostException(this, takenBy);
        }
    }

    void lose(String newHolder) {
        takenBy = newHolder;
        lost = true;
    }

    @Override
    public String toString() {
        return kind.code() + " " + key + " (held by " + holder + ")";
    }
}
