package io.tributary.transform.curated;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.tributary.catalog.curated.CuratedTables;
import io.tributary.transform.pipeline.FieldType;

/** The few things every curated-table statement needs: quoted names, values as text, and typed reads. */
public final class Sql {

    private Sql() {
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String table(String name) {
        return CuratedTables.SCHEMA + "." + quote(name);
    }

    /**
     * Values travel as text and are cast by the statement, so decimals and times keep their exact form. This is also
     * the text PostgreSQL writes for a value of every type but timestamps.
     */
    public static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    /** A {@code text[]} literal of these values: each quoted, its backslashes and double quotes escaped. */
    public static String arrayLiteral(List<String> values) {
        return values.isEmpty()
                ? "{}"
                : values.stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                        .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * A {@code text[]} parameter. A {@code String[]} (not an {@code Object[]}) lets the driver send it in binary form,
     * with no quoting or escaping of the elements on either side.
     */
    public static <T> Array texts(Connection connection, Collection<T> items, Function<T, Object> value) throws SQLException {
        return array(connection, "text", items, item -> text(value.apply(item)), String[]::new);
    }

    /** A {@code bigint[]} parameter, which the driver sends in binary form: no number written as text and parsed. */
    public static <T> Array longs(Connection connection, Collection<T> items, Function<T, Long> value) throws SQLException {
        return array(connection, "int8", items, value, Long[]::new);
    }

    /** An {@code integer[]} parameter; see {@link #longs}. */
    public static <T> Array ints(Connection connection, Collection<T> items, Function<T, Integer> value) throws SQLException {
        return array(connection, "int4", items, value, Integer[]::new);
    }

    /** The element array's class decides how the driver encodes it: boxed numbers and strings go in binary. */
    private static <T, E> Array array(Connection connection, String type, Collection<T> items, Function<T, E> value,
            IntFunction<E[]> newArray) throws SQLException {
        E[] elements = newArray.apply(items.size());
        int i = 0;
        for (T item : items) {
            elements[i++] = value.apply(item);
        }
        return connection.createArrayOf(type, elements);
    }

    /** A {@code text[]} parameter of these values, each written as {@link #text}; see {@link #texts}. */
    public static Array texts(Connection connection, Object[] values) throws SQLException {
        String[] elements = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            elements[i] = text(values[i]);
        }
        return connection.createArrayOf("text", elements);
    }

    /** A {@code text[]} parameter of values that are text already; see {@link #texts}. */
    public static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    public static Object read(ResultSet result, String column, FieldType type) throws SQLException {
        Object value = switch (type) {
            case TEXT -> result.getString(column);
            case INTEGER -> result.getObject(column, Long.class);
            case DECIMAL -> result.getBigDecimal(column);
            case BOOLEAN -> result.getObject(column, Boolean.class);
            case DATE -> result.getObject(column, LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
                yield time == null ? null : time.toInstant();
            }
        };
        return type == FieldType.DECIMAL && value != null ? type.coerce(value) : value;
    }
}
