package io.tributary.ingestion.service;

/**
 * The keys a batch has seen, each with a fingerprint of the record that took it, in two primitive arrays (open
 * addressing): about 32 bytes a record, against well over a hundred for a map of strings. Keys and records are
 * compared by 64-bit hashes; two different keys sharing a hash is about as likely as one in a million for a batch of
 * five million records.
 */
public final class KeyIndex {

    private static final long EMPTY = 0;

    private long[] keys = new long[1 << 12];
    private long[] fingerprints = new long[1 << 12];
    private int size;

    /** Result of {@link #offer}: the key is new, the record repeats the one that took the key, or it differs. */
    public enum Seen {
        NEW,
        SAME_RECORD,
        OTHER_RECORD
    }

    public Seen offer(String key, String record) {
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

    private static final long PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;

    /**
     * A 64-bit hash of the characters: four chars at a time into two independent lanes (each a multiply, a rotation
     * and a multiply per step, so that the processor works on both at once), then the length and a finaliser that
     * spreads the bits. A row of a few hundred chars takes a fraction of what a char-at-a-time hash takes.
     */
    static long hash(String text) {
        int n = text.length();
        long a = PRIME_1;
        long b = PRIME_2;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            a = lane(a, chars(text, i));
            b = lane(b, chars(text, i + 4));
        }
        if (i + 4 <= n) {
            a = lane(a, chars(text, i));
            i += 4;
        }
        long last = 0;
        for (int shift = 0; i < n; i++, shift += 16) {
            last |= (long) text.charAt(i) << shift;
        }
        b = lane(b, last);
        return mix(a ^ Long.rotateLeft(b, 29) ^ ((long) n * PRIME_2));
    }

    private static long chars(String text, int at) {
        return text.charAt(at) | (long) text.charAt(at + 1) << 16 | (long) text.charAt(at + 2) << 32
                | (long) text.charAt(at + 3) << 48;
    }

    private static long lane(long acc, long input) {
        return Long.rotateLeft(acc + input * PRIME_2, 31) * PRIME_1;
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
