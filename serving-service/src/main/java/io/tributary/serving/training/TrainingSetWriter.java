package io.tributary.serving.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.serving.mapping.Csv;

/** Writes the rows of a training set to a stream as they come: a CSV line or a JSON object per row. */
public final class TrainingSetWriter implements TrainingSetRepository.RowSink {

    private final TrainingSetFormat format;
    private final ObjectMapper json;
    private final OutputStream out;
    private final List<String> names = TrainingSetQuery.COLUMNS.stream().map(TrainingSetQuery.Column::name).toList();

    public TrainingSetWriter(TrainingSetFormat format, ObjectMapper json, OutputStream out) {
        this.format = format;
        this.json = json;
        this.out = out;
    }

    /** Starts the set: the header line of CSV, nothing for NDJSON. */
    public void begin() throws IOException {
        if (format == TrainingSetFormat.CSV) {
            line(String.join(",", names));
        }
    }

    @Override
    public void accept(Object[] values) throws IOException {
        if (format == TrainingSetFormat.CSV) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                line.append(i == 0 ? "" : ",").append(Csv.field(values[i]));
            }
            line(line.toString());
        } else {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(names.get(i), values[i]);
            }
            out.write(json.writeValueAsBytes(row));
            out.write('\n');
        }
    }

    private void line(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
