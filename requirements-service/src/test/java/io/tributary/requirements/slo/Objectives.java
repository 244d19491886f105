package io.tributary.requirements.slo;

import java.math.BigDecimal;

import io.tributary.requirements.objective.Amount;
import io.tributary.requirements.objective.TimeUnit;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;

/** Amounts and targets for evaluator tests. */
final class Objectives {

    static final Target PIPELINE = new Target(TargetType.PIPELINE, "sales");
    static final Target SOURCE = new Target(TargetType.SOURCE, "webshop");

    private Objectives() {
    }

    static Amount seconds(long seconds) {
        return new Amount(BigDecimal.valueOf(seconds), TimeUnit.SECONDS);
    }

    static Amount days(long days) {
        return new Amount(BigDecimal.valueOf(days), TimeUnit.DAYS);
    }
}
