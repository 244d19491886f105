package io.tributary.transform.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class FieldTypeTest {

    @Test
    void refusesADecimalWithMoreDigitsBeforeThePointThanANumericColumnHolds() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FieldType.DECIMAL.coerce("1e200000"));
        assertTrue(refused.getMessage().contains("200001 digits before the decimal point"), refused.getMessage());
        // the same number written out: refused before its zeros would be stripped one by one
        assertThrows(IllegalArgumentException.class,
                () -> FieldType.DECIMAL.coerce(new BigDecimal(BigInteger.TEN.pow(200_000))));
    }

    @Test
    void refusesADecimalWithMoreDigitsAfterThePointThanANumericColumnHolds() {
        assertThrows(IllegalArgumentException.class, () -> FieldType.DECIMAL.coerce("1e-20000"));
    }

    @Test
    void keepsTheLargestDecimalsANumericColumnHolds() {
        assertEquals(new BigDecimal(BigInteger.TEN.pow(131_071)), FieldType.DECIMAL.coerce("1e131071"));
        assertEquals(new BigDecimal("1e-16383"), FieldType.DECIMAL.coerce("1e-16383"));
        assertEquals(new BigDecimal("1.5"), FieldType.DECIMAL.coerce("1.500"));
    }
}
