package io.tributary.requirements.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.slo.SliceCounts;
import io.tributary.requirements.slo.SliceLedger;

/**
 * Which burn-rate alerts fire now. The burn rate over a span is the share of its slices that were bad, over the share
 * the SLO allows (1 - target): at 1 the budget is spent exactly over the window. A span counts all its slices, evaluated
 * or not, so that a rule fires when its share of the whole budget is spent: 2% of a 28-day budget of one-minute
 * slices at 99% is 8 bad minutes within the hour, whatever happened before.
 */
public final class BurnRates {

    private BurnRates() {
    }

    public static double burnRate(SliceCounts counts, long slices, Slo slo) {
        double allowed = 1 - slo.target().doubleValue();
        return (double) counts.bad() / slices / allowed;
    }

    /** The alert kinds some rule fires for now. */
    public static Set<AlertKind> firing(Slo slo, SliceLedger ledger, Instant now, List<BurnRateRule> rules) {
        Set<AlertKind> firing = EnumSet.noneOf(AlertKind.class);
        Duration window = slo.window().longest();
        long at = ledger.index(now);
        for (BurnRateRule rule : rules) {
            if (!rule.appliesTo(window)) {
                continue;
            }
            double threshold = rule.threshold(window);
            long longSlices = slices(rule.longWindow(), ledger);
            long shortSlices = slices(rule.shortWindow(), ledger);
            double longRate = burnRate(ledger.last(longSlices, at), longSlices, slo);
            double shortRate = burnRate(ledger.last(shortSlices, at), shortSlices, slo);
            if (longRate >= threshold && shortRate >= threshold) {
                firing.add(rule.raises());
            }
        }
        return firing;
    }

    private static long slices(Duration span, SliceLedger ledger) {
        return Math.max(1, -Math.floorDiv(-span.toMillis(), ledger.sliceMillis()));
    }
}
