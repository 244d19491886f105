package io.tributary.ingestion.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;

/**
 * Writes a {@link RecordEvent} as the same JSON bytes as {@link EventJson#write} (the members in the order of the
 * record's components, nulls written, strings escaped as Jackson escapes them, non-ASCII text as UTF-8), straight into
 * a byte buffer: the per-record path of ingestion writes millions of them.
 *
 * <p>
 * Data values it writes itself: strings, longs, integers, exact decimals, booleans and nulls. An event with any other
 * value (a nested map, a list, a double), a null or non-string key, or a string holding a surrogate char is handed to
 * {@link EventJson#write} whole, so that the bytes (and the errors) are always Jackson's.
 *
 * <p>
 * One writer per thread: its buffer is reused, and so are the encoded forms of the values that repeat from one event to
 * the next (the runs of members from the source to the batch, the data's field names).
 */
public final class RecordEventJson {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final ThreadLocal<RecordEventJson> WRITERS = ThreadLocal.withInitial(RecordEventJson::new);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The two hex digits of each byte value, and the two decimal digits of each value below 100. */
    private static final byte[] HEX_PAIRS = new byte[512];
    private static final byte[] DIGIT_PAIRS = new byte[200];
    /** 10 to the power of 0 to 18. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        for (int i = 0; i < 256; i++) {
            HEX_PAIRS[2 * i] = HEX[i >> 4];
            HEX_PAIRS[2 * i + 1] = HEX[i & 0xf];
        }
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }
    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] SPECVERSION = bytesOf("{\"specversion\":");
    private static final byte[] ID = bytesOf(",\"id\":");
    private static final byte[] SOURCE = bytesOf(",\"source\":");
    private static final byte[] TYPE = bytesOf(",\"type\":");
    private static final byte[] SUBJECT = bytesOf(",\"subject\":");
    private static final byte[] TIME = bytesOf(",\"time\":");
    private static final byte[] DATACONTENTTYPE = bytesOf(",\"datacontenttype\":");
    private static final byte[] DATASCHEMA = bytesOf(",\"dataschema\":");
    private static final byte[] DATASET = bytesOf(",\"tributarydataset\":");
    private static final byte[] BATCH = bytesOf(",\"tributarybatch\":");
    private static final byte[] POSITION = bytesOf(",\"tributaryposition\":");
    private static final byte[] CONTRACT_VERSION = bytesOf(",\"tributarycontractversion\":");
    private static final byte[] DATA = bytesOf(",\"data\":");
    private static final byte[] NULL = bytesOf("null");
    private static final byte[] TRUE = bytesOf("true");
    private static final byte[] FALSE = bytesOf("false");

    /** A value that is not written here: the whole event goes to Jackson. */
    private static final class NotHandled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final NotHandled INSTANCE = new NotHandled();

        private NotHandled() {
            super(null, null, false, false);
        }
    }

    /**
     * A run of members whose values tend to repeat from one event to the next (the source, the schema, the batch, the
     * time), kept as its JSON: written once while the values stay the same as in the event it was written for.
     */
    private static final class Run {
        private RecordEvent writtenFor;
        private byte[] json;

        void remember(RecordEvent event, byte[] json) {
            this.writtenFor = event;
            this.json = json;
        }
    }

    private static boolean sameHead(RecordEvent a, RecordEvent b) {
        return Objects.equals(a.specversion(), b.specversion());
    }

    private static boolean sameOrigin(RecordEvent a, RecordEvent b) {
        return Objects.equals(a.source(), b.source()) && Objects.equals(a.type(), b.type());
    }

    private static boolean sameContext(RecordEvent a, RecordEvent b) {
        return Objects.equals(a.time(), b.time()) && Objects.equals(a.datacontenttype(), b.datacontenttype())
                && Objects.equals(a.dataschema(), b.dataschema())
                && Objects.equals(a.tributarydataset(), b.tributarydataset())
                && Objects.equals(a.tributarybatch(), b.tributarybatch());
    }

    private byte[] buffer = new byte[4096];
    private int length;
    private final Run head = new Run();
    private final Run origin = new Run();
    private final Run context = new Run();
    private String[] lastNames;
    private byte[][] nameJson;

    private RecordEventJson() {
    }

    /** The event's JSON bytes. */
    public static byte[] write(RecordEvent event) {
        byte[] json = writeOwn(event);
        return json != null ? json : EventJson.write(event);
    }

    /** The bytes as written here, or null when the event is left to Jackson. */
    static byte[] writeOwn(RecordEvent event) {
        return WRITERS.get().tryWrite(event);
    }

    /** The bytes, or null when the event holds something only Jackson writes. */
    private byte[] tryWrite(RecordEvent event) {
        length = 0;
        try {
            if (head.writtenFor != null && sameHead(head.writtenFor, event)) {
                raw(head.json);
            } else {
                int start = length;
                raw(SPECVERSION);
                string(event.specversion());
                raw(ID);
                head.remember(event, Arrays.copyOfRange(buffer, start, length));
            }
            uuid(event.id());
            if (origin.writtenFor != null && sameOrigin(origin.writtenFor, event)) {
                raw(origin.json);
            } else {
                int start = length;
                raw(SOURCE);
                string(event.source());
                raw(TYPE);
                string(event.type());
                raw(SUBJECT);
                origin.remember(event, Arrays.copyOfRange(buffer, start, length));
            }
            string(event.subject());
            if (context.writtenFor != null && sameContext(context.writtenFor, event)) {
                raw(context.json);
            } else {
                int start = length;
                raw(TIME);
                string(event.time() == null ? null : event.time().toString());
                raw(DATACONTENTTYPE);
                string(event.datacontenttype());
                raw(DATASCHEMA);
                string(event.dataschema());
                raw(DATASET);
                string(event.tributarydataset());
                raw(BATCH);
                uuid(event.tributarybatch());
                raw(POSITION);
                context.remember(event, Arrays.copyOfRange(buffer, start, length));
            }
            number(event.tributaryposition());
            raw(CONTRACT_VERSION);
            number(event.tributarycontractversion());
            raw(DATA);
            data(event.data());
            ensure(1);
            buffer[length++] = '}';
        } catch (NotHandled e) {
            return null;
        }
        byte[] json = Arrays.copyOf(buffer, length);
        if (buffer.length > 1 << 20) {
            // one huge event does not keep a huge buffer on the thread
            buffer = new byte[4096];
        }
        return json;
    }

    private void data(Map<String, Object> data) {
        if (data == null) {
            raw(NULL);
            return;
        }
        ensure(1);
        buffer[length++] = '{';
        if (data instanceof RecordData record) {
            byte[][] names = names(record.names());
            for (int i = 0; i < names.length; i++) {
                Object value = record.held(i);
                if (value == record.fields() && value != null) {
                    AsciiFields fields = record.fields();
                    int field = record.fieldOf(i);
                    asciiMember(names[i], fields.bytes(), fields.from(field), fields.to(field),
                            fields.escapesNothing(field));
                } else if (value instanceof AsciiText text) {
                    asciiMember(names[i], text.bytes(), text.from(), text.from() + text.length(),
                            text.hasNothingToEscape());
                } else {
                    raw(names[i]);
                    value(value);
                }
            }
        } else {
            boolean first = true;
            for (Map.Entry<String, Object> entry : data.entrySet()) {
                Object key = entry.getKey();
                if (!(key instanceof String name)) {
                    throw NotHandled.INSTANCE;
                }
                if (!first) {
                    ensure(1);
                    buffer[length++] = ',';
                }
                first = false;
                string(name);
                ensure(1);
                buffer[length++] = ':';
                value(entry.getValue());
            }
        }
        ensure(1);
        buffer[length++] = '}';
    }

    /** Each name as JSON with what goes around it: {@code "name":}, with a comma before all but the first. */
    private byte[][] names(String[] names) {
        if (names != lastNames) {
            byte[][] json = new byte[names.length][];
            for (int i = 0; i < names.length; i++) {
                byte[] name = json(names[i]);
                byte[] member = new byte[name.length + (i > 0 ? 2 : 1)];
                int at = 0;
                if (i > 0) {
                    member[at++] = ',';
                }
                System.arraycopy(name, 0, member, at, name.length);
                member[member.length - 1] = ':';
                json[i] = member;
            }
            nameJson = json;
            lastNames = names;
        }
        return nameJson;
    }

    private void value(Object value) {
        if (value == null) {
            raw(NULL);
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Long number) {
            number(number.longValue());
        } else if (value instanceof BigDecimal decimal) {
            decimal(decimal);
        } else if (value instanceof Boolean bool) {
            raw(bool ? TRUE : FALSE);
        } else if (value instanceof Integer number) {
            number(number.intValue());
        } else {
            throw NotHandled.INSTANCE;
        }
    }

    /** A string as JSON on its own (through the buffer, which is left as it was). */
    private byte[] json(String text) {
        int start = length;
        string(text);
        byte[] json = Arrays.copyOfRange(buffer, start, length);
        length = start;
        return json;
    }

    private void uuid(UUID id) {
        if (id == null) {
            raw(NULL);
            return;
        }
        ensure(38);
        byte[] b = buffer;
        int at = length;
        b[at++] = '"';
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        at = hex(b, at, msb >>> 32, 4);
        b[at++] = '-';
        at = hex(b, at, msb >>> 16, 2);
        b[at++] = '-';
        at = hex(b, at, msb, 2);
        b[at++] = '-';
        at = hex(b, at, lsb >>> 48, 2);
        b[at++] = '-';
        at = hex(b, at, lsb, 6);
        b[at++] = '"';
        length = at;
    }

    /** The low {@code bytes} bytes of the value in hex, two digits a byte. */
    private static int hex(byte[] b, int at, long value, int bytes) {
        for (int i = 2 * (bytes - 1); i >= 0; i -= 2) {
            int pair = 2 * ((int) value & 0xff);
            b[at + i] = HEX_PAIRS[pair];
            b[at + i + 1] = HEX_PAIRS[pair + 1];
            value >>>= 8;
        }
        return at + 2 * bytes;
    }

    private void number(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        ensure(20);
        byte[] b = buffer;
        if (value < 0) {
            b[length++] = '-';
            value = -value;
        }
        int count = digitCount(value);
        length += count;
        digits(b, length, value, count);
    }

    /**
     * A decimal as {@link BigDecimal#toString} writes it, without making that string for the plain decimals of up to
     * 18 digits that data is made of; scientific notation is left to {@code toString}.
     */
    private void decimal(BigDecimal decimal) {
        int scale = decimal.scale();
        int digits = decimal.precision();
        // toString writes an exponent when the scale is negative or the adjusted exponent below -6
        if (scale < 0 || digits > 18 || digits - 1 - scale < -6) {
            ascii(decimal.toString());
            return;
        }
        long unscaled = decimal.movePointRight(scale).longValue();
        ensure(digits + 9);
        byte[] b = buffer;
        int at = length;
        if (unscaled < 0) {
            b[at++] = '-';
            unscaled = -unscaled;
        }
        if (scale == 0) {
            at += digits;
            digits(b, at, unscaled, digits);
        } else if (digits <= scale) {
            // 0.00ddd: at most six zeros after the point
            b[at++] = '0';
            b[at++] = '.';
            at += scale;
            digits(b, at, unscaled, scale);
        } else {
            at += digits + 1;
            digits(b, at, unscaled % POWERS_OF_TEN[scale], scale);
            b[at - scale - 1] = '.';
            digits(b, at - scale - 1, unscaled / POWERS_OF_TEN[scale], digits - scale);
        }
        length = at;
    }

    /** How many decimal digits a value of 0 or more has. */
    private static int digitCount(long value) {
        int count = 1;
        while (count < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[count]) {
            count++;
        }
        return count;
    }

    /** The last {@code count} decimal digits of a value of 0 or more, zeros before it if need be, ending at {@code end}. */
    private static void digits(byte[] b, int end, long value, int count) {
        int at = end;
        for (; count >= 2; count -= 2) {
            int pair = 2 * (int) (value % 100);
            value /= 100;
            b[--at] = DIGIT_PAIRS[pair + 1];
            b[--at] = DIGIT_PAIRS[pair];
        }
        if (count == 1) {
            b[--at] = (byte) ('0' + (int) (value % 10));
        }
    }

    /**
     * A member of the data, its {@code name} (with what goes around it) and a string value held as ASCII bytes,
     * {@code text[from..to)}, copied as it is unless it has something to escape; {@code nothingToEscape} when that is
     * known already.
     */
    private void asciiMember(byte[] name, byte[] text, int from, int to, boolean nothingToEscape) {
        if (!nothingToEscape && !escapesNothing(text, from, to)) {
            raw(name);
            string(new String(text, from, to - from, StandardCharsets.ISO_8859_1));
            return;
        }
        int n = to - from;
        ensure(name.length + n + 2);
        byte[] b = buffer;
        int at = length;
        System.arraycopy(name, 0, b, at, name.length);
        at += name.length;
        b[at] = '"';
        System.arraycopy(text, from, b, at + 1, n);
        b[at + 1 + n] = '"';
        length = at + n + 2;
    }

    /**
     * Whether {@code text[from..to)} holds nothing a JSON string escapes: no control char, quote, backslash or byte that
     * is not ASCII. Looks at eight bytes at a time (read from the text, not from the buffer just written, which the
     * processor would first have to finish storing); the bytes of a word that are not the text's are masked off, and a
     * flag they cause on the others only sends the text the slow way.
     */
    private static boolean escapesNothing(byte[] text, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            if (escapedBytes((long) LONGS.get(text, i)) != 0) {
                return false;
            }
        }
        int rest = to - i;
        if (rest == 0) {
            return true;
        }
        if (i + Long.BYTES <= text.length) {
            // the word from i, of which the first rest bytes are the text's
            return (escapedBytes((long) LONGS.get(text, i)) & (-1L >>> ((Long.BYTES - rest) * 8))) == 0;
        }
        if (to >= Long.BYTES) {
            // the word that ends at to, of which the last rest bytes are the ones left
            return (escapedBytes((long) LONGS.get(text, to - Long.BYTES)) & (-1L << ((Long.BYTES - rest) * 8))) == 0;
        }
        for (; i < to; i++) {
            byte c = text[i];
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** The high bit of each byte of the word that JSON escapes or that is not ASCII (and possibly of later bytes). */
    private static long escapedBytes(long word) {
        long control = (word - LOW_BITS * 0x20) & ~word;
        return (control | zeroBytes(word ^ LOW_BITS * '"') | zeroBytes(word ^ LOW_BITS * '\\') | word) & HIGH_BITS;
    }

    /** The high bit of each byte of the word that is zero (and possibly of later bytes). */
    private static long zeroBytes(long word) {
        return (word - LOW_BITS) & ~word;
    }

    /** Text known to be plain ASCII without anything to escape (numbers). */
    private void ascii(String text) {
        int n = text.length();
        ensure(n);
        byte[] b = buffer;
        int at = length;
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) text.charAt(i);
        }
        length = at + n;
    }

    /** A JSON string: quotes, backslashes and control chars escaped, other text as UTF-8. */
    private void string(String text) {
        if (text == null) {
            raw(NULL);
            return;
        }
        int n = text.length();
        ensure(n + 2);
        byte[] b = buffer;
        int at = length;
        b[at++] = '"';
        int i = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            b[at++] = (byte) c;
        }
        length = at;
        if (i < n) {
            rest(text, i);
        }
        ensure(1);
        buffer[length++] = '"';
    }

    /** The rest of a string from the first char that is not plain ASCII. */
    private void rest(String text, int from) {
        int n = text.length();
        ensure((n - from) * 6);
        byte[] b = buffer;
        int at = length;
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    b[at++] = '\\';
                }
                b[at++] = (byte) c;
            } else if (c < 0x20) {
                b[at++] = '\\';
                switch (c) {
                    case '\n' -> b[at++] = 'n';
                    case '\r' -> b[at++] = 'r';
                    case '\t' -> b[at++] = 't';
                    case '\b' -> b[at++] = 'b';
                    case '\f' -> b[at++] = 'f';
                    default -> {
                        b[at++] = 'u';
                        b[at++] = '0';
                        b[at++] = '0';
                        b[at++] = UPPER_HEX[c >> 4];
                        b[at++] = UPPER_HEX[c & 0xf];
                    }
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xc0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                throw NotHandled.INSTANCE;
            } else {
                b[at++] = (byte) (0xe0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        length = at;
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private static byte[] bytesOf(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
