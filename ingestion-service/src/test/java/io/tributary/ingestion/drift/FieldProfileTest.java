package io.tributary.ingestion.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldProfileTest {

    @Test
    void profilesRangesLengthsFormatsAndDistinctValues() {
        FieldProfile sales = FieldProfile.of(List.of("10", "20.5", "20.5", "-3"));
        assertEquals(4, sales.sampled());
        assertEquals(3, sales.distinct());
        assertEquals(4, sales.numbers());
        assertEquals(new BigDecimal("-3"), sales.min());
        assertEquals(new BigDecimal("20.5"), sales.max());
        assertEquals(Map.of("9.9", 2, "9", 1, "-9", 1), sales.shapes());
        assertEquals(2, sales.minLength());
        assertEquals(4, sales.maxLength());
        assertTrue(sales.numeric());
    }

    @Test
    void shapesRunsOfDigitsAndLettersAndKeepsPunctuation() {
        assertEquals("9/9/9", FieldProfile.shape("11/8/2017"));
        assertEquals("a-9-9", FieldProfile.shape("CA-2016-152156"));
        assertEquals("a_a", FieldProfile.shape("Second Class"));
        assertEquals("a_", FieldProfile.shape("a\u0000"), "no char a catalog text cannot hold");
    }

    @Test
    void leavesTextAndOutlandishNumbersOutOfTheRange() {
        FieldProfile regions = FieldProfile.of(List.of("West", "East"));
        assertNull(regions.min());
        assertFalse(regions.numeric());
        assertNull(FieldProfile.of(List.of("1e200000")).max(), "no jsonb number either");
    }

    @Test
    void mergesLaterProfilesOfTheSameField() {
        FieldProfile earlier = FieldProfile.of(List.of("10", "20", "30"));
        FieldProfile later = FieldProfile.of(List.of("5", "5", "5", "5", "40"));
        FieldProfile merged = earlier.merge(later);
        assertEquals(new BigDecimal("5"), merged.min());
        assertEquals(new BigDecimal("40"), merged.max());
        assertEquals(5, merged.sampled(), "the larger sample's counts");
        assertEquals(2, merged.distinct());
        assertEquals(Integer.valueOf(8), merged.shapes().get("9"));
    }
}
