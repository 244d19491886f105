package io.tributary.requirements.confirmation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.requirements.objective.Basis;
import io.tributary.requirements.objective.Durations;
import io.tributary.requirements.objective.Objective;
import io.tributary.requirements.objective.Slo;
import io.tributary.requirements.objective.SloWindow;
import io.tributary.requirements.requirement.RequirementContent;

/**
 * The plain-language read-back of a requirement, rendered from its typed fields only, so that what the stakeholder
 * confirms is exactly what is measured: "Marketing needs product sales by region, no older than 60 seconds, 99% of
 * minutes over 28 days, to retarget ad campaigns."
 */
public final class ReadBack {

    private ReadBack() {
    }

    /** @param voices how each of the requirement's stakeholders is named (a team, or a person) */
    public static String render(RequirementContent requirement, List<String> voices) {
        List<String> parts = new ArrayList<>();
        parts.add(trimmed(requirement.statement()));
        if (requirement.objective() != null) {
            parts.add(objective(requirement.objective()));
        }
        if (requirement.slo() != null && requirement.measured()) {
            parts.add(slo(requirement.slo()));
        }
        if (!requirement.actions().isEmpty()) {
            parts.add("to " + and(requirement.actions().stream().map(ReadBack::trimmed).toList()));
        }
        String subject = voices.isEmpty() ? "Required:" : and(voices) + (voices.size() == 1 ? " needs" : " need");
        StringBuilder text = new StringBuilder(subject).append(' ').append(String.join(", ", parts)).append('.');
        if (requirement.target() != null) {
            text.append(" Measured on ").append(requirement.target().words()).append('.');
        }
        return text.toString();
    }

    /** The objective alone, as a phrase: "no older than 60 seconds". */
    public static String objective(Objective objective) {
        if (objective instanceof Objective.Freshness f) {
            return "no older than " + f.maximum().words() + (f.basis() == Basis.EVENT_TIME ? " by its event time" : "");
        } else if (objective instanceof Objective.Latency l) {
            return "served within " + l.maximum().words() + " of "
                    + (l.basis() == Basis.EVENT_TIME ? "occurring" : "arriving") + " for " + number(l.percentile())
                    + "% of records over any " + Durations.words(l.over());
        } else if (objective instanceof Objective.Frequency f) {
            if (f.every() == null) {
                return "in at least " + f.perDay() + (f.perDay() == 1 ? " batch" : " batches") + " a day";
            }
            return "updated at least every " + (f.every().value().compareTo(BigDecimal.ONE) == 0
                    ? f.every().unit().words("1").substring(2)
                    : f.every().words());
        } else if (objective instanceof Objective.TimeOfAvailability t) {
            return "with each day's data complete by " + t.by() + " " + t.timeZone().getId() + " the next day";
        } else if (objective instanceof Objective.ErrorRate e) {
            return "with at most " + percent(e.maximum()) + "% of records quarantined over any "
                    + Durations.words(e.over());
        } else if (objective instanceof Objective.Volume v) {
            return volume(v);
        } else if (objective instanceof Objective.Availability a) {
            return "answering within " + a.within().words();
        } else if (objective instanceof Objective.Retention r) {
            return "kept for at least " + r.minimum().words();
        }
        return definition((Objective.Definition) objective);
    }

    /** "99% of minutes over 28 days". */
    public static String slo(Slo slo) {
        String share = percent(slo.target()) + "% of " + Durations.slices(slo.slice());
        SloWindow window = slo.window();
        if (window.type() == SloWindow.Type.ROLLING) {
            return share + " over " + Durations.words(window.length());
        }
        return share + " each calendar " + window.period().name().toLowerCase() + " in " + window.timeZone().getId();
    }

    private static String volume(Objective.Volume v) {
        String per = " rows per " + Durations.period(v.period());
        if (v.withinShareOfMedian() != null) {
            return "with" + per + " within " + percent(v.withinShareOfMedian()) + "% of the median of the "
                    + v.trailingPeriods() + " periods before";
        }
        if (v.minimum() != null && v.maximum() != null) {
            return "with between " + v.minimum() + " and " + v.maximum() + per;
        }
        return v.minimum() != null ? "with at least " + v.minimum() + per : "with at most " + v.maximum() + per;
    }

    private static String definition(Objective.Definition d) {
        List<String> parts = new ArrayList<>();
        if (d.dayStart() != null || d.timeZone() != null) {
            parts.add("days start at " + (d.dayStart() == null ? "00:00" : d.dayStart())
                    + (d.timeZone() == null ? "" : " in " + d.timeZone().getId()));
        }
        if (d.currency() != null) {
            parts.add("amounts are in " + d.currency());
        }
        for (Map.Entry<String, String> meaning : d.meanings().entrySet()) {
            parts.add("'" + meaning.getKey() + "' means " + trimmed(meaning.getValue()));
        }
        for (Objective.Implementation implementation : d.implementedBy()) {
            parts.add("implemented by " + implementation.type().word() + " '" + implementation.name() + "' ("
                    + implementation.parameter() + ")");
        }
        return "where " + String.join("; ", parts);
    }

    private static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String trimmed(String text) {
        String stripped = text.strip();
        while (stripped.endsWith(".")) {
            stripped = stripped.substring(0, stripped.length() - 1).strip();
        }
        return stripped;
    }

    /** 0.99 as "99", 0.999 as "99.9". */
    static String percent(BigDecimal share) {
        return number(share.movePointRight(2));
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
