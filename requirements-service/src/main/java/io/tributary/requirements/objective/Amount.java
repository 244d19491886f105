package io.tributary.requirements.objective;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** A duration as a stakeholder gave it: "60 seconds" stays 60 seconds in the read-back, not "1 minute". */
public record Amount(BigDecimal value, TimeUnit unit) {

    public Duration toDuration() {
        BigDecimal nanos = value.multiply(BigDecimal.valueOf(unit.length().toNanos()))
                .setScale(0, RoundingMode.HALF_UP);
        return Duration.ofNanos(nanos.longValueExact());
    }

    public double seconds() {
        return toDuration().toNanos() / 1e9;
    }

    public String words() {
        return unit.words(value.stripTrailingZeros().toPlainString());
    }
}
