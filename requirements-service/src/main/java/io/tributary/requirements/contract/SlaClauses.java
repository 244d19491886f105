package io.tributary.requirements.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.requirements.confirmation.ReadBack;
import io.tributary.requirements.objective.Amount;
import io.tributary.requirements.objective.Basis;
import io.tributary.requirements.objective.Durations;
import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.TimeUnit;
import io.tributary.requirements.requirement.Driver;
import io.tributary.requirements.requirement.RequirementContent;

/**
 * Objectives as ODCS SLA properties, both ways. Freshness is written as {@code latency} (the name ODCS prefers for
 * it), a percentile latency as {@code latency} with its percentile in {@code valueExt}; volume has no ODCS property and
 * stays out of the contract. Reading an SLA property back gives the objective it states, when Tributary can measure it.
 */
public final class SlaClauses {

    /** The id of the clause written for a requirement: unique within the contract's SLA properties. */
    public static final String ID_PREFIX = "req-";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SlaClauses() {
    }

    public static String clauseId(long requirementId) {
        return ID_PREFIX + requirementId;
    }

    /** The requirement an SLA property's id names, when it is one Tributary wrote. */
    public static Optional<Long> requirementOf(JsonNode sla) {
        String id = sla.path("id").asText("");
        if (id.startsWith(ID_PREFIX) && id.substring(ID_PREFIX.length()).matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(id.substring(ID_PREFIX.length())));
        }
        return Optional.empty();
    }

    /** The SLA property of a requirement's objective, or empty when ODCS has none for it. */
    public static Optional<ObjectNode> toSla(long requirementId, RequirementContent content, String readBack) {
        Objective objective = content.objective();
        ObjectNode sla = JSON.objectNode();
        sla.put("id", clauseId(requirementId));
        if (objective instanceof Objective.Freshness f) {
            sla.put("property", "latency");
            amount(sla, f.maximum());
        } else if (objective instanceof Objective.Latency l) {
            sla.put("property", "latency");
            amount(sla, l.maximum());
            sla.put("valueExt", "p" + l.percentile().stripTrailingZeros().toPlainString());
        } else if (objective instanceof Objective.Frequency f) {
            sla.put("property", "frequency");
            if (f.every() != null) {
                amount(sla, f.every());
            } else {
                sla.put("value", f.perDay());
                sla.put("unit", "per day");
            }
        } else if (objective instanceof Objective.TimeOfAvailability t) {
            sla.put("property", "timeOfAvailability");
            sla.put("value", t.by().toString());
            sla.put("valueExt", t.timeZone().getId());
        } else if (objective instanceof Objective.ErrorRate e) {
            sla.put("property", "errorRate");
            sla.put("value", e.maximum());
            sla.put("valueExt", Durations.iso(e.over()));
        } else if (objective instanceof Objective.Availability a) {
            sla.put("property", "availability");
            sla.put("value", content.slo().target().movePointRight(2).stripTrailingZeros());
            sla.put("unit", "%");
            sla.put("valueExt", Durations.iso(a.within().toDuration()));
        } else if (objective instanceof Objective.Retention r) {
            sla.put("property", "retention");
            amount(sla, r.minimum());
        } else {
            return Optional.empty();
        }
        if (!content.elements().isEmpty()) {
            sla.put("element", String.join(",", content.elements()));
        }
        sla.put("driver", (content.driver() == null ? Driver.ANALYTICS : content.driver()).name()
                .toLowerCase(Locale.ROOT));
        sla.put("description", readBack);
        return Optional.of(sla);
    }

    /** What a clause states, to tell whether a requirement backs it: property, value, unit and element. */
    public static String key(JsonNode sla) {
        return sla.path("property").asText() + "|" + sla.path("value").asText() + "|" + sla.path("unit").asText("")
                + "|" + sla.path("element").asText("");
    }

    /** The objective an SLA property states, when Tributary can measure it on a dataset. */
    public static Optional<Objective> objectiveOf(JsonNode sla) {
        String property = sla.path("property").asText();
        JsonNode value = sla.path("value");
        String unit = sla.path("unit").asText("");
        return switch (property) {
            case "latency", "freshness" -> amount(value, unit).map(a -> new Objective.Freshness(a, Basis.ARRIVAL));
            case "frequency" -> "per day".equals(unit) && value.canConvertToInt() && value.intValue() > 0
                    ? Optional.of(new Objective.Frequency(null, value.intValue()))
                    : amount(value, unit).map(a -> new Objective.Frequency(a, null));
            case "retention" -> amount(value, unit).map(Objective.Retention::new);
            case "errorRate" -> errorRate(value, sla.path("valueExt").asText(""));
            case "timeOfAvailability" -> timeOfAvailability(value.asText(""), sla.path("valueExt").asText(""));
            default -> Optional.empty();
        };
    }

    private static Optional<Objective> errorRate(JsonNode value, String over) {
        if (!value.isNumber() || value.decimalValue().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal share = value.decimalValue();
        if (share.compareTo(BigDecimal.ONE) > 0) {
            share = share.movePointLeft(2);
        }
        if (share.compareTo(BigDecimal.ONE) > 0) {
            return Optional.empty();
        }
        Duration window = Duration.ofHours(1);
        try {
            if (!over.isBlank()) {
                window = Duration.parse(over);
            }
        } catch (DateTimeParseException e) {
            // the default window
        }
        return Optional.of(new Objective.ErrorRate(share, window));
    }

    /** {@code 06:00} with a zone in {@code valueExt}, or ODCS's own {@code 09:00-08:00} (a time and an offset). */
    private static Optional<Objective> timeOfAvailability(String value, String zone) {
        try {
            if (value.matches("\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}")) {
                return Optional.of(new Objective.TimeOfAvailability(LocalTime.parse(value.substring(0, 5)),
                        ZoneOffset.of(value.substring(5))));
            }
            if (value.matches("\\d{2}:\\d{2}")) {
                return Optional.of(new Objective.TimeOfAvailability(LocalTime.parse(value),
                        zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone)));
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Amount> amount(JsonNode value, String unit) {
        if (!value.isNumber() || value.decimalValue().signum() <= 0) {
            return Optional.empty();
        }
        return TimeUnit.of(unit.isBlank() ? "d" : unit).map(u -> new Amount(value.decimalValue(), u));
    }

    private static void amount(ObjectNode sla, Amount amount) {
        sla.put("value", amount.value());
        sla.put("unit", amount.unit().symbol());
    }

    /** The read-back used as an imported clause's statement when it has no description. */
    static String statement(JsonNode sla) {
        String description = sla.path("description").asText("");
        if (!description.isBlank()) {
            return description;
        }
        return objectiveOf(sla).map(ReadBack::objective).map(text -> "the dataset, " + text)
                .orElse(sla.path("property").asText() + " " + sla.path("value").asText() + " "
                        + sla.path("unit").asText(""));
    }
}
