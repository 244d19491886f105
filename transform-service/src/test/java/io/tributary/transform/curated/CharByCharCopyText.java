package io.tributary.transform.curated;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plain writer of COPY text that {@link CopyText} must agree with: every value's text escaped char by char. */
final class CharByCharCopyText {

    private CharByCharCopyText() {
    }

    static void line(CuratedRow row, List<String> columns, StringBuilder out) {
        field(row.key(), out);
        field(row.recordId(), out);
        field(row.source(), out);
        field(row.batch(), out);
        field(row.position(), out);
        field(row.partition(), out);
        field(row.offset(), out);
        field(row.version(), out);
        field(row.hash(), out);
        field(row.status().name().toLowerCase(Locale.ROOT), out);
        field(row.pending().stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}")), out);
        field(row.input(), out);
        field(row.acceptedAt(), out);
        for (String column : columns) {
            field(row.values().get(column), out);
        }
        out.setCharAt(out.length() - 1, '\n');
    }

    static void field(Object value, StringBuilder out) {
        String text = Sql.text(value);
        if (text == null) {
            out.append("\\N");
        } else {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c);
                }
            }
        }
        out.append('\t');
    }
}
