package io.tributary.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

record DayPlan(LocalDate date, long valid, long anomalies, long duplicates) {

    static List<DayPlan> plan(GeneratorOptions options, SplittableRandom rng) {
        int days = options.days();
        double[] cumulative = new double[days];
        double total = 0;
        for (int day = 0; day < days; day++) {
            LocalDate date = options.startDate().plusDays(day);
            total += (0.75 + 0.5 * rng.nextDouble()) * (isWeekend(date) ? 0.7 : 1.0);
            cumulative[day] = total;
        }
        List<DayPlan> plans = new ArrayList<>(days);
        long validBefore = 0;
        long anomaliesBefore = 0;
        long duplicatesBefore = 0;
        for (int day = 0; day < days; day++) {
            long validUpTo = day == days - 1 ? options.rows() : Math.round(options.rows() * (cumulative[day] / total));
            long anomaliesUpTo = Math.round(validUpTo * options.anomalyRate());
            long duplicatesUpTo = Math.round(validUpTo * options.duplicateRate());
            long valid = validUpTo - validBefore;
            plans.add(new DayPlan(options.startDate().plusDays(day), valid, anomaliesUpTo - anomaliesBefore,
                    Math.min(valid, duplicatesUpTo - duplicatesBefore)));
            validBefore = validUpTo;
            anomaliesBefore = anomaliesUpTo;
            duplicatesBefore = duplicatesUpTo;
        }
        return plans;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
