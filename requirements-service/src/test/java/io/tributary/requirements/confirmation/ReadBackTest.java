package io.tributary.requirements.confirmation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.Amount;
import io.tributary.requirements.objective.Basis;
import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.objective.SloWindow;
import io.tributary.requirements.objective.TimeUnit;
import io.tributary.requirements.requirement.Level;
import io.tributary.requirements.requirement.RequirementContent;
import io.tributary.requirements.requirement.RequirementKind;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;

class ReadBackTest {

    @Test
    void readsMarketingsFreshnessRequirementBackInPlainLanguage() {
        RequirementContent requirement = measured("product sales by region, per day in America/New_York",
                new Objective.Freshness(new Amount(BigDecimal.valueOf(60), TimeUnit.SECONDS), Basis.ARRIVAL),
                Slo.DEFAULT, List.of("retarget ad campaigns"));
        assertEquals("Marketing needs product sales by region, per day in America/New_York, no older than 60 seconds, "
                + "99% of minutes over 28 days, to retarget ad campaigns. Measured on serving query "
                + "'/api/metrics/sales?groupBy=region'.", ReadBack.render(requirement, List.of("Marketing")));
    }

    @Test
    void namesSeveralStakeholdersAndActions() {
        RequirementContent requirement = measured("purchase data for the recommender",
                new Objective.Latency(new Amount(BigDecimal.valueOf(5), TimeUnit.SECONDS), BigDecimal.valueOf(99),
                        Basis.ARRIVAL, Duration.ofMinutes(5)),
                new Slo(new BigDecimal("0.999"), SloWindow.rolling(Duration.ofDays(7)), Duration.ofSeconds(10)),
                List.of("recommend products", "retrain the model."));
        assertEquals("Data science and Marketing need purchase data for the recommender, served within 5 seconds of "
                + "arriving for 99% of records over any 5 minutes, 99.9% of 10-second slices over 7 days, to recommend "
                + "products and retrain the model. Measured on serving query '/api/metrics/sales?groupBy=region'.",
                ReadBack.render(requirement, List.of("Data science", "Marketing")));
    }

    @Test
    void phrasesEveryMeasuredKind() {
        assertEquals("updated at least every day", ReadBack.objective(new Objective.Frequency(
                new Amount(BigDecimal.ONE, TimeUnit.DAYS), null)));
        assertEquals("in at least 24 batches a day", ReadBack.objective(new Objective.Frequency(null, 24)));
        assertEquals("with each day's data complete by 06:00 America/New_York the next day", ReadBack.objective(
                new Objective.TimeOfAvailability(LocalTime.of(6, 0), ZoneId.of("America/New_York"))));
        assertEquals("with at most 5% of records quarantined over any 1 hour", ReadBack.objective(
                new Objective.ErrorRate(new BigDecimal("0.05"), Duration.ofHours(1))));
        assertEquals("with between 100 and 5000 rows per day", ReadBack.objective(new Objective.Volume(
                Duration.ofDays(1), 100L, 5000L, null, 7)));
        assertEquals("with rows per 15 minutes within 50% of the median of the 4 periods before", ReadBack.objective(
                new Objective.Volume(Duration.ofMinutes(15), null, null, new BigDecimal("0.5"), 4)));
        assertEquals("answering within 500 milliseconds", ReadBack.objective(new Objective.Availability(
                new Amount(BigDecimal.valueOf(500), TimeUnit.MILLISECONDS))));
        assertEquals("kept for at least 30 days", ReadBack.objective(new Objective.Retention(
                new Amount(BigDecimal.valueOf(30), TimeUnit.DAYS))));
        assertEquals("no older than 2 minutes by its event time", ReadBack.objective(new Objective.Freshness(
                new Amount(BigDecimal.valueOf(2), TimeUnit.MINUTES), Basis.EVENT_TIME)));
    }

    @Test
    void readsADefinitionBack() {
        RequirementContent requirement = new RequirementContent(Level.STAKEHOLDER, RequirementKind.FUNCTIONAL, null,
                null, List.of(), "a day of sales", List.of(), null, List.of(), null,
                new Objective.Definition(ZoneId.of("America/New_York"), LocalTime.MIDNIGHT, "USD",
                        Map.of("sales", "the amount paid, before returns"), List.of()),
                null);
        assertEquals("Finance needs a day of sales, where days start at 00:00 in America/New_York; amounts are in "
                + "USD; 'sales' means the amount paid, before returns.",
                ReadBack.render(requirement,
                        List.of("Finance")));
    }

    @Test
    void saysCalendarWindowsAndWorksWithoutStakeholders() {
        RequirementContent requirement = measured("order lines",
                new Objective.Freshness(new Amount(BigDecimal.ONE, TimeUnit.HOURS), Basis.ARRIVAL),
                new Slo(new BigDecimal("0.95"), SloWindow.calendar(SloWindow.CalendarPeriod.MONTH,
                        ZoneId.of("Europe/Paris")), Duration.ofHours(1)),
                List.of());
        assertEquals("Required: order lines, no older than 1 hour, 95% of hours each calendar month in Europe/Paris. "
                + "Measured on serving query '/api/metrics/sales?groupBy=region'.",
                ReadBack.render(requirement,
                        List.of()));
    }

    private static RequirementContent measured(String statement, Objective objective, Slo slo, List<String> actions) {
        return new RequirementContent(Level.STAKEHOLDER, RequirementKind.NON_FUNCTIONAL, null, null, List.of(1L),
                statement, actions, new Target(TargetType.SERVING, "/api/metrics/sales?groupBy=region"), List.of(),
                null, objective, slo);
    }
}
