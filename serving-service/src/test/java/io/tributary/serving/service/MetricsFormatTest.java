package io.tributary.serving.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsFormatTest {

    @Test
    void theFormatParameterComesBeforeTheAcceptHeader() {
        List<String> problems = new ArrayList<>();
        assertEquals(MetricsFormat.JSON, MetricsFormat.chosen("json", "text/csv", problems));
        assertEquals(MetricsFormat.CSV, MetricsFormat.chosen("CSV", "application/json", problems));
        assertEquals(MetricsFormat.CSV, MetricsFormat.chosen(null, "text/csv", problems));
        assertEquals(MetricsFormat.JSON, MetricsFormat.chosen(null, "application/json, text/csv;q=0.5", problems));
        assertEquals(MetricsFormat.JSON, MetricsFormat.chosen(" ", "*/*", problems));
        assertEquals(MetricsFormat.JSON, MetricsFormat.chosen(null, null, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void namesAnUnknownFormat() {
        List<String> problems = new ArrayList<>();
        assertNull(MetricsFormat.chosen("xlsx", null, problems));
        assertEquals(List.of("query parameter 'format': 'xlsx' is not json or csv"), problems);
    }
}
