package io.tributary.serving.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesFieldsOnlyWhenTheyNeedIt() {
        assertEquals("", Csv.field(null));
        assertEquals("12.50", Csv.field(new BigDecimal("12.50")));
        assertEquals("\"Chair, \"\"Oak\"\"\"", Csv.field("Chair, \"Oak\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("plain", Csv.field("plain"));
    }
}
