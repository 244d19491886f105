package io.tributary.catalog.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The ODCS {@code logicalTypeOptions.format} of an integer property, after the Rust integer types: its range. */
public enum IntegerFormat {
    I8(true, 8),
    I16(true, 16),
    I32(true, 32),
    I64(true, 64),
    I128(true, 128),
    U8(false, 8),
    U16(false, 16),
    U32(false,
            32),
    U64(false, 64),
    U128(false, 128);

    private final BigDecimal minimum;
    private final BigDecimal maximum;

    IntegerFormat(boolean signed, int bits) {
        BigInteger span = BigInteger.TWO.pow(signed ? bits - 1 : bits);
        this.minimum = new BigDecimal(signed ? span.negate() : BigInteger.ZERO);
        this.maximum = new BigDecimal(span.subtract(BigInteger.ONE));
    }

    public String odcsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public BigDecimal minimum() {
        return minimum;
    }

    public BigDecimal maximum() {
        return maximum;
    }

    public static Optional<IntegerFormat> fromOdcs(String value) {
        return Arrays.stream(values()).filter(f -> f.odcsName().equals(value)).findFirst();
    }

    public static List<String> odcsNames() {
        return Arrays.stream(values()).map(IntegerFormat::odcsName).toList();
    }
}
