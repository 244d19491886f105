package io.tributary.generator;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

final class NdjsonEncoder implements LineEncoder {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final Set<String> NUMERIC_COLUMNS = Set.of(SalesColumns.ROW_ID, SalesColumns.SALES,
            SalesColumns.REVENUE, SalesColumns.QUANTITY, SalesColumns.DISCOUNT, SalesColumns.PROFIT);

    @Override
    public Optional<String> header(List<String> columns) {
        return Optional.empty();
    }

    @Override
    public String encode(List<String> columns, List<String> values) {
        StringBuilder line = new StringBuilder(512).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendString(line, columns.get(i));
            line.append(':');
            String value = values.get(i);
            if (NUMERIC_COLUMNS.contains(columns.get(i)) && JSON_NUMBER.matcher(value).matches()) {
                line.append(value);
            } else {
                appendString(line, value);
            }
        }
        return line.append("}\n").toString();
    }

    private static void appendString(StringBuilder line, String value) {
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
