package io.tributary.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

    @Test
    void defaultsStartOnFirstOfJanuary2018WithoutAnomaliesOrSchemaChange() {
        GeneratorOptions defaults = GeneratorOptions.defaults();
        assertEquals(LocalDate.of(2018, 1, 1), defaults.startDate());
        assertEquals(0.0, defaults.anomalyRate());
        assertEquals(0.0, defaults.duplicateRate());
        assertEquals(-1, defaults.schemaChangeDay());
        assertFalse(defaults.schemaChangedOn(1000));
    }

    @Test
    void withersChangeOnlyTheirOwnField() {
        GeneratorOptions options = GeneratorOptions.defaults().withSeed(5).withRows(20).withDays(3);
        assertEquals(new GeneratorOptions(5, 20, 3, LocalDate.of(2018, 1, 1), 0.0, 0.0, -1,
                SchemaChange.ADD_COLUMN, 1), options);
        assertEquals(1_000_000_001L, options.withFirstRowId(1_000_000_001L).firstRowId());
        assertEquals(options.withSeed(6).seed(), options.withFirstRowId(7).withSeed(6).seed());
        assertEquals(7, options.withFirstRowId(7).withSeed(6).withRows(3).withDays(2).withAnomalyRate(0.1)
                .withDuplicateRate(0.1).withStartDate(LocalDate.of(2019, 1, 1)).withoutSchemaChange().firstRowId());
        assertEquals(LocalDate.of(2018, 1, 3), options.endDate());
    }

    @Test
    void schemaAppliesFromTheChangeDayOnwards() {
        GeneratorOptions options = GeneratorOptions.defaults().withSchemaChange(2, SchemaChange.RENAME_COLUMN);
        assertEquals(SalesColumns.STANDARD, options.columnsOn(1));
        assertTrue(options.columnsOn(2).contains(SalesColumns.REVENUE));
        assertTrue(options.columnsOn(9).contains(SalesColumns.REVENUE));
        assertEquals(SalesColumns.STANDARD, options.withoutSchemaChange().columnsOn(9));
    }

    @Test
    void rejectsOutOfRangeValues() {
        GeneratorOptions options = GeneratorOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> options.withRows(-1));
        assertThrows(IllegalArgumentException.class, () -> options.withDays(0));
        assertThrows(IllegalArgumentException.class, () -> options.withAnomalyRate(1.5));
        assertThrows(IllegalArgumentException.class, () -> options.withDuplicateRate(-0.1));
        assertThrows(IllegalArgumentException.class, () -> options.withAnomalyRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> options.withSchemaChange(-2, SchemaChange.ADD_COLUMN));
        assertThrows(NullPointerException.class, () -> options.withStartDate(null));
    }
}
