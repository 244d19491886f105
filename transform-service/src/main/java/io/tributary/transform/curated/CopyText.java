package io.tributary.transform.curated;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import io.tributary.transform.pipeline.CompiledPipeline;

/**
 * Curated rows as lines of PostgreSQL's {@code COPY ... FROM STDIN} text format, for loading many rows with one
 * statement: each value as the text {@link Sql#text} gives it, a backslash, newline, carriage return or tab in it
 * escaped, a null as {@code \N}, the values separated by tabs. The text is scanned for the four characters and the runs
 * between them appended whole; numbers, decimals, ids and times have none of them and are appended as they are.
 */
public final class CopyText {

    private CopyText() {
    }

    /** The {@code COPY} statement of the curated table's columns in {@link #line}'s order, {@code _curated_at} left to its default. */
    public static String statement(CompiledPipeline pipeline) {
        return "COPY " + Sql.table(pipeline.name()) + " (_key, _record_id, _source, _batch, _position, _partition, "
                + "_offset, _version, _hash, _status, _pending, _input, _accepted_at" + pipeline.output().keySet()
                        .stream().map(c -> ", " + Sql.quote(c)).collect(Collectors.joining())
                + ") FROM STDIN";
    }

    /**
     * Appends one row as a line, ending in a newline.
     *
     * @param columns the pipeline's output columns, in the order {@link #statement} names them
     */
    public static void line(CuratedRow row, List<String> columns, StringBuilder out) {
        field(row.key(), out);
        field(row.recordId(), out);
        field(row.source(), out);
        field(row.batch(), out);
        field(row.position(), out);
        field(row.partition(), out);
        field(row.offset(), out);
        field(row.version(), out);
        field(row.hash(), out);
        field(row.status().label(), out);
        field(Sql.arrayLiteral(row.pending()), out);
        field(row.input(), out);
        field(row.acceptedAt(), out);
        for (String column : columns) {
            field(row.values().get(column), out);
        }
        out.setCharAt(out.length() - 1, '\n');
    }

    /** One value followed by a tab. */
    static void field(Object value, StringBuilder out) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String text) {
            escaped(text, out);
        } else if (value instanceof Long number) {
            out.append(number.longValue());
        } else if (value instanceof Integer number) {
            out.append(number.intValue());
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else {
            escaped(Sql.text(value), out);
        }
        out.append('\t');
    }

    /**
     * The text with its backslashes, newlines, carriage returns and tabs escaped; the runs between them appended whole.
     * Most texts have none: four searches for one character each, which the JVM runs on many characters at once, tell
     * so before any is looked at one by one.
     */
    static void escaped(String text, StringBuilder out) {
        if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            out.append(text);
            return;
        }
        int length = text.length();
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c <= '\\' && (c == '\\' || c == '\n' || c == '\r' || c == '\t')) {
                out.append(text, run, i).append('\\').append(switch (c) {
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    case '\t' -> 't';
                    default -> '\\';
                });
                run = i + 1;
            }
        }
        out.append(text, run, length);
    }
}
