package io.tributary.transform.aggregate;

import java.math.BigDecimal;

/** What a set of rows adds to (or, negative, takes from) one aggregate cell. */
public final class AggregateChange {

    final BigDecimal[] measures;
    long lines;
    boolean restated;

    public AggregateChange(int measureCount) {
        measures = new BigDecimal[measureCount];
        java.util.Arrays.fill(measures, BigDecimal.ZERO);
    }

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) one row's measures. */
    public void add(int sign, BigDecimal[] values) {
        lines += sign;
        for (int i = 0; i < measures.length; i++) {
            if (values[i] != null) {
                measures[i] = sign > 0 ? measures[i].add(values[i]) : measures[i].subtract(values[i]);
            }
        }
    }

    public void markRestated() {
        restated = true;
    }

    boolean isEmpty() {
        return lines == 0 && !restated && java.util.Arrays.stream(measures).allMatch(m -> m.signum() == 0);
    }
}
