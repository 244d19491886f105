package io.tributary.generator;

import java.util.List;
import java.util.Optional;

final class CsvEncoder implements LineEncoder {

    static final String EOL = "\r\n";

    @Override
    public Optional<String> header(List<String> columns) {
        return Optional.of(join(columns));
    }

    @Override
    public String encode(List<String> columns, List<String> values) {
        return join(values);
    }

    private static String join(List<String> fields) {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, fields.get(i));
        }
        return line.append(EOL).toString();
    }

    static void appendField(StringBuilder line, String field) {
        if (!needsQuotes(field)) {
            line.append(field);
            return;
        }
        line.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
