package io.tributary.serving.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrainingSetFormatTest {

    @Test
    void theFormatParameterComesBeforeTheAcceptHeader() {
        List<String> problems = new ArrayList<>();
        assertEquals(TrainingSetFormat.NDJSON, TrainingSetFormat.chosen("ndjson", "text/csv", problems));
        assertEquals(TrainingSetFormat.CSV, TrainingSetFormat.chosen("CSV", null, problems));
        assertEquals(TrainingSetFormat.CSV, TrainingSetFormat.chosen(null, "text/csv;q=0.9, */*;q=0.1", problems));
        assertEquals(TrainingSetFormat.NDJSON, TrainingSetFormat.chosen(" ", "*/*", problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void namesAnUnknownFormat() {
        List<String> problems = new ArrayList<>();
        assertNull(TrainingSetFormat.chosen("parquet", null, problems));
        assertEquals(List.of("query parameter 'format': 'parquet' is not csv or ndjson"), problems);
    }

}
