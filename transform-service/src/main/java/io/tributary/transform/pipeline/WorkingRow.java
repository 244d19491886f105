package io.tributary.transform.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A record on its way through the steps. */
final class WorkingRow {

    final Map<String, Object> values = new LinkedHashMap<>();
    final List<String> pending = new ArrayList<>();
    final String source;
    final RowContext context;

    WorkingRow(String source, RowContext context) {
        this.source = source;
        this.context = context;
    }
}
