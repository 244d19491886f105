package io.tributary.ingestion.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The data of one record as a read-only map: field names shared by every record of a batch, and this record's values
 * in the same order (the map's iteration order). Two arrays instead of a hash map per record; a lookup by name scans
 * the names, which suits the tens of fields a record has.
 *
 * <p>
 * A string value may be held as {@link AsciiText}, or left in the {@link AsciiFields} of the row it was read from: the
 * map shows it as its {@code String}, made the first time it is read, while the event writer copies its bytes without
 * ever making one.
 */
public final class RecordData extends AbstractMap<String, Object> {

    private final String[] names;
    private final Object[] values;
    private final AsciiFields fields;
    private final int[] fieldOf;

    /**
     * @param names distinct, non-null field names; not copied, so that records can share them
     * @param values the values in the order of {@code names}, strings possibly as {@link AsciiText}; not copied, and
     *        each {@link AsciiText} in it is replaced by its {@code String} once read
     */
    public RecordData(String[] names, Object[] values) {
        this(names, values, null, null);
    }

    /**
     * @param names distinct, non-null field names; not copied, so that records can share them
     * @param values the values in the order of {@code names}, strings possibly as {@link AsciiText} or as
     *        {@code fields} itself; not copied, and each of those in it is replaced by its {@code String} once read
     * @param fields the row the values that are {@code fields} itself are left in
     * @param fieldOf for each value, the field of {@code fields} that holds it, if it is left there; not copied
     */
    public RecordData(String[] names, Object[] values, AsciiFields fields, int[] fieldOf) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names for " + values.length + " values");
        }
        this.names = names;
        this.values = values;
        this.fields = fields;
        this.fieldOf = fieldOf;
    }

    /** Whether the names can be the names of a {@link RecordData}: none null, none twice. */
    public static boolean usable(String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (names[i].equals(names[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The names, shared: not to be changed. */
    String[] names() {
        return names;
    }

    /** The value as held: an {@link AsciiText}, or the {@link #fields()} it is left in, as it is. */
    Object held(int index) {
        return values[index];
    }

    /** The row the values that are this object are left in, or null. */
    AsciiFields fields() {
        return fields;
    }

    /** The field of {@link #fields()} that holds a value left there. */
    int fieldOf(int index) {
        return fieldOf[index];
    }

    private Object value(int index) {
        Object value = values[index];
        if (value instanceof AsciiText text) {
            value = text.toString();
            values[index] = value;
        } else if (value == fields && value != null) {
            value = fields.text(fieldOf[index]);
            values[index] = value;
        }
        return value;
    }

    @Override
    public int size() {
        return names.length;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], value(i));
        }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return names.length;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(names[i], value(i));
                    }
                };
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(names[i]).append('=').append(value(i));
        }
        return text.append('}').toString();
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < names.length; i++) {
            Object value = value(i);
            h += names[i].hashCode() ^ (value == null ? 0 : value.hashCode());
        }
        return h;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof RecordData data && Arrays.equals(names, data.names)) {
            for (int i = 0; i < names.length; i++) {
                if (!Objects.equals(value(i), data.value(i))) {
                    return false;
                }
            }
            return true;
        }
        return super.equals(other);
    }
}
