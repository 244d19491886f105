package io.tributary.ingestion.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.tributary.ingestion.parsing.RowFields;
import io.tributary.ingestion.parsing.SourceRecord;

/**
 * The keys a batch has seen, each with a fingerprint of the record that took it, in one primitive table (open
 * addressing, a key's hash and its record's fingerprint side by side, so that a look-up touches one cache line): about
 * 32 bytes a record, against well over a hundred for a map of strings. Keys and records are compared by 64-bit hashes;
 * two different keys sharing a hash is about as likely as one in a million for a batch of five million records.
 * <p>
 * A small table lives on the heap; past {@link #HEAP_LONGS} it moves to a memory-mapped temporary file (deleted at
 * once, so it goes with the index), so that the service's heap does not grow with the size of a file.
 * <p>
 * Most files list their records in the order of their keys (a row id counting up). While every key is greater than the
 * one before it (longer, or as long and after it char by char: an order in which no key can come twice), each is new
 * without a look-up, and the pairs are only appended, in the order they came, to the same storage: no random access
 * into a table of several MB for every record. The first key out of that order builds the table from them, and from
 * then on every key is looked up as above. {@link #plain()} is the index without that run, the reference its tests
 * compare with; the two tell every key alike, except two different keys sharing a 64-bit hash, which the run tells
 * apart.
 */
public final class KeyIndex {

    /** 16 MB of slots, about half a million keys, on the heap; more go to a mapped file. */
    static final int HEAP_LONGS = 1 << 21;

    private static final long EMPTY = 0;

    private static final int FIRST_LONGS = 2 << 12;

    /**
     * Pairs of a key's hash (never 0, which marks a free slot) and its record's fingerprint, side by side: while the
     * keys come in order, the first {@link #size} pairs in the order they came; then a table.
     */
    private Slots slots = new HeapSlots(FIRST_LONGS);
    private int size;
    /** Whether every key so far came after the one before it (never so in the plain index), and the last of them. */
    private boolean inOrder;
    private String last;

    /** An index that takes keys in their order without a look-up while they come in order. */
    public KeyIndex() {
        this(true);
    }

    private KeyIndex(boolean inOrder) {
        this.inOrder = inOrder;
    }

    /** The index that looks every key up in its table: the reference of {@link #KeyIndex()}. */
    static KeyIndex plain() {
        return new KeyIndex(false);
    }

    /** Result of {@link #offer}: the key is new, the record repeats the one that took the key, or it differs. */
    public enum Seen {
        NEW,
        SAME_RECORD,
        OTHER_RECORD
    }

    public Seen offer(String key, String record) {
        return offer(key, hash(record));
    }

    /** As {@link #offer(String, String)} with the record's raw text, hashed from the row's bytes when they are ASCII. */
    public Seen offer(String key, SourceRecord record) {
        if (record.values() instanceof RowFields row && row.isAsciiText()) {
            return offer(key, hashAscii(row.bytes()));
        }
        return offer(key, hash(record.raw()));
    }

    private Seen offer(String key, long fingerprint) {
        long k = nonZero(hash(key));
        if (inOrder) {
            if (last == null || comesAfter(key, last)) {
                last = key;
                append(k, fingerprint);
                return Seen.NEW;
            }
            toTable();
        }
        Slots s = slots;
        int mask = (s.length() >> 1) - 1;
        for (int i = (int) mix(k) & mask;; i = (i + 1) & mask) {
            long at = s.get(2 * i);
            if (at == EMPTY) {
                s.set(2 * i, k);
                s.set(2 * i + 1, fingerprint);
                if (++size * 4 > s.length()) {
                    grow();
                }
                return Seen.NEW;
            }
            if (at == k) {
                return s.get(2 * i + 1) == fingerprint ? Seen.SAME_RECORD : Seen.OTHER_RECORD;
            }
        }
    }

    /** Whether the key comes after the other: longer, or as long and after it char by char. */
    static boolean comesAfter(String key, String other) {
        return key.length() > other.length() || key.length() == other.length() && key.compareTo(other) > 0;
    }

    /** Appends a pair after the ones taken in order, in a storage twice as long once it is full. */
    private void append(long k, long fingerprint) {
        Slots s = slots;
        if (2 * size == s.length()) {
            long length = (long) s.length() * 2;
            Slots longer = length <= HEAP_LONGS ? new HeapSlots((int) length) : MappedSlots.of(length);
            for (int i = 0; i < 2 * size; i++) {
                longer.set(i, s.get(i));
            }
            slots = s = longer;
        }
        s.set(2 * size, k);
        s.set(2 * size + 1, fingerprint);
        size++;
    }

    /** Puts the pairs taken in order into a table as large as the plain index would have for as many keys. */
    private void toTable() {
        inOrder = false;
        last = null;
        Slots log = slots;
        long length = FIRST_LONGS;
        while ((long) size * 4 > length) {
            length *= 2;
        }
        slots = length <= HEAP_LONGS ? new HeapSlots((int) length) : MappedSlots.of(length);
        insertAll(log, 2 * size);
    }

    /** Whether the table has left the heap for a mapped file. */
    boolean isMapped() {
        return slots instanceof MappedSlots;
    }

    private void grow() {
        Slots old = slots;
        long length = (long) old.length() * 2;
        slots = length <= HEAP_LONGS ? new HeapSlots((int) length) : MappedSlots.of(length);
        insertAll(old, old.length());
    }

    /** Puts the pairs of the first {@code longs} of {@code from} into the table, which has room for them. */
    private void insertAll(Slots from, int longs) {
        Slots s = slots;
        int mask = (s.length() >> 1) - 1;
        for (int j = 0; j < longs; j += 2) {
            long at = from.get(j);
            if (at != EMPTY) {
                int i = (int) mix(at) & mask;
                while (s.get(2 * i) != EMPTY) {
                    i = (i + 1) & mask;
                }
                s.set(2 * i, at);
                s.set(2 * i + 1, from.get(j + 1));
            }
        }
    }

    private interface Slots {
        long get(int i);

        void set(int i, long value);

        int length();
    }

    private record HeapSlots(long[] longs) implements Slots {

        HeapSlots(int length) {
            this(new long[length]);
        }

        @Override
        public long get(int i) {
            return longs[i];
        }

        @Override
        public void set(int i, long value) {
            longs[i] = value;
        }

        @Override
        public int length() {
            return longs.length;
        }
    }

    private record MappedSlots(LongBuffer longs, int length) implements Slots {

        /** A zero-filled table in a temporary file that is deleted at once: the mapping keeps it until collected. */
        static MappedSlots of(long length) {
            if (length * Long.BYTES > Integer.MAX_VALUE) {
                throw new IllegalStateException("a batch of more than " + (Integer.MAX_VALUE / Long.BYTES / 4)
                        + " keys is too large for the in-batch key index; split the file");
            }
            try {
                Path file = Files.createTempFile("tributary-keys-", ".slots");
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
                    // in the machine's own byte order: a big-endian view (the default) swaps every long read or
                    // written, a look-up or two for every record of the batch
                    LongBuffer longs = channel.map(FileChannel.MapMode.READ_WRITE, 0, length * Long.BYTES)
                            .order(ByteOrder.nativeOrder()).asLongBuffer();
                    return new MappedSlots(longs, (int) length);
                } finally {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the in-batch key index could not get a temporary file", e);
            }
        }

        @Override
        public long get(int i) {
            return longs.get(i);
        }

        @Override
        public void set(int i, long value) {
            longs.put(i, value);
        }
    }

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;

    /**
     * A 64-bit hash of the characters: four chars at a time into two independent lanes (each a multiply, a rotation
     * and a multiply per step, so that the processor works on both at once), then the length and a finaliser that
     * spreads the bits. A row of a few hundred chars takes a fraction of what a char-at-a-time hash takes.
     */
    static long hash(String text) {
        return hash(new StringChars(text), text.length());
    }

    /** {@link #hash(String)} of the text whose chars are these ASCII bytes. */
    static long hashAscii(byte[] text) {
        return hash(new AsciiChars(text), text.length);
    }

    private static long hash(Chars text, int n) {
        long a = PRIME_1;
        long b = PRIME_2;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            a = lane(a, text.four(i));
            b = lane(b, text.four(i + 4));
        }
        if (i + 4 <= n) {
            a = lane(a, text.four(i));
            i += 4;
        }
        long last = 0;
        for (int shift = 0; i < n; i++, shift += 16) {
            last |= text.one(i) << shift;
        }
        b = lane(b, last);
        return mix(a ^ Long.rotateLeft(b, 29) ^ ((long) n * PRIME_2));
    }

    /** A text's chars as the hash reads them: four at a time, 16 bits each, or one. */
    private interface Chars {
        long four(int at);

        long one(int at);
    }

    private record StringChars(String text) implements Chars {
        @Override
        public long four(int at) {
            return text.charAt(at) | (long) text.charAt(at + 1) << 16 | (long) text.charAt(at + 2) << 32
                    | (long) text.charAt(at + 3) << 48;
        }

        @Override
        public long one(int at) {
            return text.charAt(at);
        }
    }

    private record AsciiChars(byte[] text) implements Chars {
        @Override
        public long four(int at) {
            long x = (int) INTS.get(text, at) & 0xffffffffL;
            x = (x | x << 16) & 0x0000ffff0000ffffL;
            return (x | x << 8) & 0x00ff00ff00ff00ffL;
        }

        @Override
        public long one(int at) {
            return text[at];
        }
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
