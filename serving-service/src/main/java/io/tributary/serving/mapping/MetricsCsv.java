package io.tributary.serving.mapping;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.tributary.serving.repository.AggregateRow;
import io.tributary.serving.service.Grain;
import io.tributary.serving.service.MetricsExport;

/**
 * Writes a metrics answer as CSV, a line per row as it is read: a header line naming the period (unless the grain is
 * {@code total}), the dimensions asked for, the measures, {@code lines} and {@code restatedAt}; then the values the
 * JSON answer has, written the same way.
 */
public final class MetricsCsv {

    private final Grain grain;
    private final OutputStream out;

    public MetricsCsv(MetricsExport export, OutputStream out) throws IOException {
        this.grain = export.query().grain();
        this.out = out;
        List<String> names = new ArrayList<>();
        if (grain != Grain.TOTAL) {
            names.add("period");
        }
        names.addAll(export.query().groupBy());
        names.addAll(export.table().measures());
        names.add("lines");
        names.add("restatedAt");
        line(names);
    }

    public void row(AggregateRow row) throws IOException {
        List<Object> values = new ArrayList<>();
        if (grain != Grain.TOTAL) {
            values.add(MetricsMapper.period(row, grain));
        }
        values.addAll(row.dimensions());
        values.addAll(row.measures());
        values.add(row.lines());
        values.add(row.restatedAt());
        line(values);
    }

    private void line(List<?> values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (Object value : values) {
            line.append(line.isEmpty() ? "" : ",").append(Csv.field(value));
        }
        out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }
}
