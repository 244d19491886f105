package io.tributary.requirements.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.requirements.objective.Amount;
import io.tributary.requirements.objective.Basis;
import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.objective.TimeUnit;
import io.tributary.requirements.requirement.Level;
import io.tributary.requirements.requirement.RequirementContent;
import io.tributary.requirements.requirement.RequirementKind;
import io.tributary.requirements.requirement.Target;
import io.tributary.requirements.requirement.TargetType;

class SlaClausesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesAFreshnessRequirementAsALatencyPropertyWithElementDriverAndReadBack() {
        JsonNode sla = SlaClauses.toSla(12, content(new Objective.Freshness(new Amount(BigDecimal.valueOf(60),
                TimeUnit.SECONDS), Basis.ARRIVAL)), "Marketing needs ...").orElseThrow();
        assertEquals("{\"id\":\"req-12\",\"property\":\"latency\",\"value\":60,\"unit\":\"s\",\"element\":"
                + "\"sales.region\",\"driver\":\"analytics\",\"description\":\"Marketing needs ...\"}", sla.toString());
        assertEquals(Optional.of(12L), SlaClauses.requirementOf(sla));
    }

    @Test
    void writesEachMeasuredKindOdcsHasAPropertyFor() {
        assertEquals("timeOfAvailability", property(new Objective.TimeOfAvailability(LocalTime.of(6, 0),
                ZoneId.of("America/New_York"))));
        assertEquals("errorRate", property(new Objective.ErrorRate(new BigDecimal("0.05"), Duration.ofHours(1))));
        assertEquals("frequency", property(new Objective.Frequency(null, 24)));
        assertEquals("retention", property(new Objective.Retention(new Amount(BigDecimal.TEN, TimeUnit.DAYS))));
        assertEquals("availability", property(new Objective.Availability(new Amount(BigDecimal.ONE,
                TimeUnit.SECONDS))));
        assertEquals(Optional.empty(), SlaClauses.toSla(1, content(new Objective.Volume(Duration.ofDays(1), 1L, null,
                null, 7)), "x"));
    }

    @Test
    void readsTheObjectiveAContractClauseStates() throws Exception {
        assertEquals(Optional.of(new Objective.Freshness(new Amount(BigDecimal.valueOf(60), TimeUnit.SECONDS),
                Basis.ARRIVAL)), objective("{\"property\":\"latency\",\"value\":60,\"unit\":\"s\"}"));
        assertEquals(Optional.of(new Objective.Frequency(new Amount(BigDecimal.ONE, TimeUnit.DAYS), null)),
                objective("{\"property\":\"frequency\",\"value\":1,\"unit\":\"d\"}"));
        assertEquals(Optional.of(new Objective.ErrorRate(new BigDecimal("0.02"), Duration.ofHours(1))),
                objective("{\"property\":\"errorRate\",\"value\":0.02}"));
        assertEquals(Optional.of(new Objective.TimeOfAvailability(LocalTime.of(9, 0), ZoneOffset.ofHours(-8))),
                objective("{\"property\":\"timeOfAvailability\",\"value\":\"09:00-08:00\"}"));
        assertEquals(Optional.empty(), objective("{\"property\":\"endOfLife\",\"value\":\"2030-01-01\"}"));
        assertEquals(Optional.empty(), objective("{\"property\":\"latency\",\"value\":3,\"unit\":\"parsecs\"}"));
    }

    @Test
    void aClauseWrittenBackReadsAsItsObjective() throws Exception {
        Objective.Freshness freshness = new Objective.Freshness(new Amount(BigDecimal.valueOf(2), TimeUnit.MINUTES),
                Basis.ARRIVAL);
        JsonNode sla = SlaClauses.toSla(3, content(freshness), "x").orElseThrow();
        assertEquals(Optional.of(freshness), SlaClauses.objectiveOf(sla));
        assertTrue(SlaClauses.key(sla).startsWith("latency|2|min|"));
    }

    private static String property(Objective objective) {
        return SlaClauses.toSla(1, content(objective), "x").orElseThrow().path("property").asText();
    }

    private static Optional<Objective> objective(String json) throws Exception {
        return SlaClauses.objectiveOf(JSON.readTree(json));
    }

    private static RequirementContent content(Objective objective) {
        return new RequirementContent(Level.SYSTEM, RequirementKind.NON_FUNCTIONAL, null, null, List.of(), "sales",
                List.of(), new Target(TargetType.DATASET, "sales"), List.of("sales.region"), null, objective,
                Slo.DEFAULT);
    }
}
