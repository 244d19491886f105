package io.tributary.requirements.objective;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.requirements.input.InputProblems;
import io.tributary.requirements.input.JsonInput;
import io.tributary.requirements.requirement.TargetType;

/**
 * Objectives and SLOs as JSON, both ways. Reading checks every field and records each problem with its JSON path;
 * writing gives the JSON that reading turns back into an equal objective (the catalog stores that form).
 */
public final class ObjectiveCodec {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final Duration LONGEST_THRESHOLD = Duration.ofDays(366);
    private static final int MAX_SLICES = 200_000;
    private static final int MAX_TEXT = 2_000;

    private ObjectiveCodec() {
    }

    /** The objective at {@code path}; null when it has problems (they are recorded). */
    public static Objective read(JsonNode node, String path, InputProblems problems) {
        JsonInput in = JsonInput.object(node, path, problems);
        if (in == null) {
            return null;
        }
        String kindName = in.text("kind", true, 64);
        if (kindName == null) {
            return null;
        }
        ObjectiveKind kind = ObjectiveKind.of(kindName).orElse(null);
        if (kind == null) {
            in.problem("kind", "'" + kindName + "' is not one of " + ObjectiveKind.names());
            return null;
        }
        int before = problems.list().size();
        Objective objective = switch (kind) {
            case FRESHNESS -> {
                in.onlyKeys(Set.of("kind", "maximum", "unit", "basis"));
                yield new Objective.Freshness(amount(in, "maximum", "unit"), basis(in));
            }
            case LATENCY -> {
                in.onlyKeys(Set.of("kind", "maximum", "unit", "percentile", "basis", "over"));
                yield new Objective.Latency(amount(in, "maximum", "unit"), percentile(in), basis(in),
                        orDefault(in.duration("over", false, Duration.ofMinutes(1), Duration.ofDays(1)),
                                Duration.ofMinutes(5)));
            }
            case FREQUENCY -> frequency(in);
            case TIME_OF_AVAILABILITY -> {
                in.onlyKeys(Set.of("kind", "by", "timeZone"));
                yield new Objective.TimeOfAvailability(in.time("by", true), in.zone("timeZone", true));
            }
            case ERROR_RATE -> {
                in.onlyKeys(Set.of("kind", "maximum", "over"));
                yield new Objective.ErrorRate(share(in, "maximum", true),
                        orDefault(in.duration("over", false, Duration.ofMinutes(1), Duration.ofDays(31)),
                                Duration.ofHours(1)));
            }
            case VOLUME -> volume(in);
            case AVAILABILITY -> {
                in.onlyKeys(Set.of("kind", "within", "unit"));
                yield new Objective.Availability(amount(in, "within", "unit"));
            }
            case RETENTION -> {
                in.onlyKeys(Set.of("kind", "minimum", "unit"));
                yield new Objective.Retention(amount(in, "minimum", "unit"));
            }
            case DEFINITION -> definition(in);
        };
        return problems.list().size() == before ? objective : null;
    }

    /** The SLO at {@code path}, or {@link Slo#DEFAULT} when absent; null when it has problems. */
    public static Slo readSlo(JsonNode node, String path, InputProblems problems) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Slo.DEFAULT;
        }
        JsonInput in = JsonInput.object(node, path, problems);
        if (in == null) {
            return null;
        }
        int before = problems.list().size();
        in.onlyKeys(Set.of("target", "window", "slice"));
        BigDecimal target = in.number("target", true);
        if (target != null && (target.signum() <= 0 || target.compareTo(ONE) >= 0)) {
            in.problem("target", "must be a share between 0 and 1, both excluded (0.99 for 99%), found "
                    + target.toPlainString());
        }
        SloWindow window = Slo.DEFAULT.window();
        JsonInput windowIn = in.child("window", false);
        if (windowIn != null) {
            window = window(windowIn);
        }
        Duration slice = orDefault(in.duration("slice", false, Duration.ofSeconds(1), Duration.ofDays(1)),
                Slo.DEFAULT.slice());
        if (window != null && slice != null) {
            Duration longest = window.longest();
            if (window.type() == SloWindow.Type.ROLLING && longest.compareTo(slice) < 0) {
                in.problem("slice", "must not be longer than the window (" + longest + "), found " + slice);
            } else if (longest.dividedBy(slice) > MAX_SLICES) {
                in.problem("slice", "the window would hold more than " + MAX_SLICES + " slices of " + slice
                        + "; choose longer slices or a shorter window");
            }
        }
        return problems.list().size() == before ? new Slo(target, window, slice) : null;
    }

    private static SloWindow window(JsonInput in) {
        in.onlyKeys(Set.of("type", "length", "period", "timeZone"));
        SloWindow.Type type = in.enumValue("type", SloWindow.Type.class, true);
        if (type == SloWindow.Type.ROLLING) {
            Duration length = in.duration("length", true, Duration.ofMinutes(1), Duration.ofDays(400));
            return length == null ? null : SloWindow.rolling(length);
        }
        if (type == SloWindow.Type.CALENDAR) {
            SloWindow.CalendarPeriod period = in.enumValue("period", SloWindow.CalendarPeriod.class, true);
            ZoneId zone = in.zone("timeZone", true);
            return period == null || zone == null ? null : SloWindow.calendar(period, zone);
        }
        return null;
    }

    private static Objective frequency(JsonInput in) {
        in.onlyKeys(Set.of("kind", "every", "unit", "perDay"));
        boolean every = in.has("every");
        boolean perDay = in.has("perDay");
        if (every == perDay) {
            in.problem("every", "give either 'every' with a 'unit' (new data at least every X) or 'perDay' (N "
                    + "batches a day), not " + (every ? "both" : "neither"));
            return new Objective.Frequency(null, null);
        }
        return every
                ? new Objective.Frequency(amount(in, "every", "unit"), null)
                : new Objective.Frequency(null, in.integer("perDay", true, 1, 86_400));
    }

    private static Objective volume(JsonInput in) {
        in.onlyKeys(Set.of("kind", "period", "minimum", "maximum", "withinShareOfMedian", "trailingPeriods"));
        Duration period = in.duration("period", true, Duration.ofMinutes(1), Duration.ofDays(31));
        boolean bounds = in.has("minimum") || in.has("maximum");
        boolean median = in.has("withinShareOfMedian");
        if (bounds == median) {
            in.problem("minimum", "give either bounds ('minimum' and/or 'maximum' rows per period) or "
                    + "'withinShareOfMedian', not " + (bounds ? "both" : "neither"));
            return null;
        }
        Long minimum = null;
        Long maximum = null;
        if (bounds) {
            minimum = rows(in, "minimum");
            maximum = rows(in, "maximum");
            if (minimum != null && maximum != null && minimum > maximum) {
                in.problem("maximum", "must not be below the minimum (" + minimum + "), found " + maximum);
            }
        }
        BigDecimal share = median ? share(in, "withinShareOfMedian", true) : null;
        Integer trailing = in.integer("trailingPeriods", false, 1, 100);
        return new Objective.Volume(period, minimum, maximum, share, trailing == null ? 7 : trailing);
    }

    private static Objective definition(JsonInput in) {
        in.onlyKeys(Set.of("kind", "timeZone", "dayStart", "currency", "meanings", "implementedBy"));
        ZoneId zone = in.zone("timeZone", false);
        var dayStart = in.time("dayStart", false);
        String currency = in.text("currency", false, 3);
        if (currency != null) {
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                in.problem("currency", "'" + currency + "' is not an ISO 4217 currency code such as USD or EUR");
            }
        }
        Map<String, String> meanings = new LinkedHashMap<>();
        JsonInput meaningsIn = in.child("meanings", false);
        if (meaningsIn != null) {
            JsonNode node = in.raw("meanings");
            node.properties().forEach(entry -> {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > MAX_TEXT) {
                    meaningsIn.problem(key, "must be a non-blank string of at most " + MAX_TEXT + " characters");
                } else {
                    meanings.put(key, value.textValue().strip());
                }
            });
        }
        List<Objective.Implementation> implementations = new ArrayList<>();
        JsonNode list = in.raw("implementedBy");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                in.problem("implementedBy", "must be an array, found " + JsonInput.kind(list));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    JsonInput item = JsonInput.object(list.get(i), in.path("implementedBy") + "[" + i + "]",
                            in.problems());
                    if (item == null) {
                        continue;
                    }
                    item.onlyKeys(Set.of("type", "name", "parameter"));
                    TargetType type = item.enumValue("type", TargetType.class, true);
                    String name = item.text("name", true, 512);
                    String parameter = item.text("parameter", true, 200);
                    if (type != null && name != null && !type.accepts(name)) {
                        item.problem("name", type.refusal(name));
                    }
                    implementations.add(new Objective.Implementation(type, name, parameter));
                }
            }
        }
        if (!in.has("timeZone") && !in.has("dayStart") && !in.has("currency") && !in.has("meanings")
                && !in.has("implementedBy")) {
            in.problem("kind", "a definition states at least one of timeZone, dayStart, currency, meanings");
        }
        return new Objective.Definition(zone, dayStart, currency, meanings, implementations);
    }

    private static Amount amount(JsonInput in, String valueKey, String unitKey) {
        BigDecimal value = in.number(valueKey, true);
        String unitName = in.text(unitKey, true, 32);
        TimeUnit unit = null;
        if (unitName != null) {
            unit = TimeUnit.of(unitName).orElse(null);
            if (unit == null) {
                in.problem(unitKey, "'" + unitName + "' is not a unit of time; use one of " + TimeUnit.symbols());
            }
        }
        if (value != null && value.signum() <= 0) {
            in.problem(valueKey, "must be above 0, found " + value.toPlainString());
            return null;
        }
        if (value == null || unit == null) {
            return null;
        }
        Amount amount = new Amount(value, unit);
        if (value.compareTo(BigDecimal.valueOf(LONGEST_THRESHOLD.toDays() * 86_400_000L)) > 0
                || amount.toDuration().compareTo(LONGEST_THRESHOLD) > 0) {
            in.problem(valueKey, "at most " + LONGEST_THRESHOLD.toDays() + " days, found " + amount.words());
            return null;
        }
        if (amount.toDuration().toMillis() < 1) {
            in.problem(valueKey, "at least 1 millisecond, found " + amount.words());
            return null;
        }
        return amount;
    }

    private static BigDecimal percentile(JsonInput in) {
        BigDecimal percentile = in.number("percentile", true);
        if (percentile != null && (percentile.signum() <= 0 || percentile.compareTo(BigDecimal.valueOf(100)) >= 0)) {
            in.problem("percentile", "must be above 0 and below 100 (99 for the 99th percentile), found "
                    + percentile.toPlainString());
            return null;
        }
        return percentile;
    }

    private static BigDecimal share(JsonInput in, String key, boolean required) {
        BigDecimal share = in.number(key, required);
        if (share != null && (share.signum() <= 0 || share.compareTo(ONE) > 0)) {
            in.problem(key, "must be a share above 0 and at most 1 (0.05 for 5%), found " + share.toPlainString());
            return null;
        }
        return share;
    }

    private static Long rows(JsonInput in, String key) {
        BigDecimal rows = in.number(key, false);
        if (rows == null) {
            return null;
        }
        if (rows.signum() < 0 || rows.stripTrailingZeros().scale() > 0 || rows.compareTo(BigDecimal.valueOf(
                Long.MAX_VALUE)) > 0) {
            in.problem(key, "must be a whole number of rows, at least 0, found " + rows.toPlainString());
            return null;
        }
        return rows.longValueExact();
    }

    private static Basis basis(JsonInput in) {
        Basis basis = in.enumValue("basis", Basis.class, false);
        return basis == null ? Basis.ARRIVAL : basis;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** The JSON form of an objective, which {@link #read} reads back equal. */
    public static ObjectNode write(Objective objective) {
        ObjectNode node = JSON.objectNode();
        node.put("kind", objective.kind().jsonName());
        if (objective instanceof Objective.Freshness f) {
            amount(node, "maximum", "unit", f.maximum());
            node.put("basis", f.basis().name());
        } else if (objective instanceof Objective.Latency l) {
            amount(node, "maximum", "unit", l.maximum());
            node.put("percentile", l.percentile());
            node.put("basis", l.basis().name());
            node.put("over", Durations.iso(l.over()));
        } else if (objective instanceof Objective.Frequency f) {
            if (f.every() != null) {
                amount(node, "every", "unit", f.every());
            } else {
                node.put("perDay", f.perDay());
            }
        } else if (objective instanceof Objective.TimeOfAvailability t) {
            node.put("by", t.by().toString());
            node.put("timeZone", t.timeZone().getId());
        } else if (objective instanceof Objective.ErrorRate e) {
            node.put("maximum", e.maximum());
            node.put("over", Durations.iso(e.over()));
        } else if (objective instanceof Objective.Volume v) {
            node.put("period", Durations.iso(v.period()));
            if (v.minimum() != null) {
                node.put("minimum", v.minimum());
            }
            if (v.maximum() != null) {
                node.put("maximum", v.maximum());
            }
            if (v.withinShareOfMedian() != null) {
                node.put("withinShareOfMedian", v.withinShareOfMedian());
                node.put("trailingPeriods", v.trailingPeriods());
            }
        } else if (objective instanceof Objective.Availability a) {
            amount(node, "within", "unit", a.within());
        } else if (objective instanceof Objective.Retention r) {
            amount(node, "minimum", "unit", r.minimum());
        } else if (objective instanceof Objective.Definition d) {
            definition(node, d);
        }
        return node;
    }

    /** The JSON form of an SLO, which {@link #readSlo} reads back equal. */
    public static ObjectNode write(Slo slo) {
        ObjectNode node = JSON.objectNode();
        node.put("target", slo.target());
        ObjectNode window = node.putObject("window");
        window.put("type", slo.window().type().name());
        if (slo.window().type() == SloWindow.Type.ROLLING) {
            window.put("length", Durations.iso(slo.window().length()));
        } else {
            window.put("period", slo.window().period().name());
            window.put("timeZone", slo.window().timeZone().getId());
        }
        node.put("slice", Durations.iso(slo.slice()));
        return node;
    }

    private static void definition(ObjectNode node, Objective.Definition d) {
        if (d.timeZone() != null) {
            node.put("timeZone", d.timeZone().getId());
        }
        if (d.dayStart() != null) {
            node.put("dayStart", d.dayStart().toString());
        }
        if (d.currency() != null) {
            node.put("currency", d.currency());
        }
        if (!d.meanings().isEmpty()) {
            ObjectNode meanings = node.putObject("meanings");
            d.meanings().forEach(meanings::put);
        }
        if (!d.implementedBy().isEmpty()) {
            var list = node.putArray("implementedBy");
            for (Objective.Implementation implementation : d.implementedBy()) {
                list.addObject().put("type", implementation.type().name())
                        .put("name", implementation.name())
                        .put("parameter", implementation.parameter());
            }
        }
    }

    private static void amount(ObjectNode node, String valueKey, String unitKey, Amount amount) {
        node.put(valueKey, amount.value());
        node.put(unitKey, amount.unit().symbol());
    }
}
