package io.tributary.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class Rfc4180Reader {

    private Rfc4180Reader() {
    }

    static List<CsvRecord> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static List<CsvRecord> parse(String text) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int recordStart = 0;
        int i = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : '\r';
                    if (next != ',' && next != '\r') {
                        throw new IllegalStateException("garbage after closing quote at " + i);
                    }
                } else {
                    field.append(c);
                }
                i++;
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                i++;
            } else if (c == '"') {
                throw new IllegalStateException("bare quote at " + i);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalStateException("CR without LF at " + i);
                }
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i += 2;
                records.add(new CsvRecord(List.copyOf(fields), text.substring(recordStart, i)));
                fields.clear();
                recordStart = i;
            } else if (c == '\n') {
                throw new IllegalStateException("LF without CR at " + i);
            } else {
                field.append(c);
                fieldStart = false;
                i++;
            }
        }
        if (quoted || recordStart != text.length()) {
            throw new IllegalStateException("last record is not terminated by CRLF");
        }
        return records;
    }
}
