package io.tributary.ingestion.service;

/**
 * The keys a batch has seen, each with a fingerprint of the record that took it, in two primitive arrays (open
 * addressing): about 32 bytes a record, against well over a hundred for a map of strings. Keys and records are
 * compared by 64-bit hashes; two different keys sharing a hash is about as likely as one in a million for a batch of
 * five million records.
 */
final class KeyIndex {

    private static final long EMPTY = 0;

    private long[] keys = new long[1 << 12];
    private long[] fingerprints = new long[1 << 12];
    private int size;

    /** Result of {@link #offer}: the key is new, the record repeats the one that took the key, or it differs. */
    enum Seen {
        NEW,
        SAME_RECORD,
        OTHER_RECORD
    }

    Seen offer(String key, String record) {
        long k = nonZero(hash(key));
        long f = hash(record);
        int mask = keys.length - 1;
        for (int i = (int) mix(k) & mask;; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = k;
                fingerprints[i] = f;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return Seen.NEW;
            }
            if (keys[i] == k) {
                return fingerprints[i] == f ? Seen.SAME_RECORD : Seen.OTHER_RECORD;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldFingerprints = fingerprints;
        keys = new long[oldKeys.length * 2];
        fingerprints = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = (int) mix(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                fingerprints[i] = oldFingerprints[j];
            }
        }
    }

    /** 64-bit FNV-1a over the characters, then a finaliser that spreads the bits. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static long nonZero(long h) {
        return h == EMPTY ? 1 : h;
    }
}
