package io.tributary.serving.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import io.tributary.catalog.problem.ProblemException;

/**
 * A checked request for a pipeline's aggregate.
 *
 * @param groupBy the dimensions to group by, in the order asked; empty for one total per period
 * @param from first local day included, or null
 * @param to last local day included, or null
 * @param timeZone the IANA time zone the days are counted in
 * @param maxStaleness how old the data may be, or null for no bound
 */
public record MetricsQuery(List<String> groupBy, Grain grain, LocalDate from, LocalDate to, String timeZone,
        Duration maxStaleness) {

    public static final String DEFAULT_TIME_ZONE = "UTC";

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public MetricsQuery {
        groupBy = List.copyOf(groupBy);
    }

    /**
     * Reads the raw parameters against what the aggregate offers, reporting every problem at once.
     *
     * @param dimensions the aggregate's dimensions
     * @param timeZones the time zone names that may be asked for
     * @throws ProblemException 400, naming each bad parameter
     */
    public static MetricsQuery parse(MetricsParameters raw, List<String> dimensions, Set<String> timeZones) {
        List<String> problems = new ArrayList<>();
        List<String> groupBy = groupBy(raw.groupBy(), dimensions, problems);
        Grain grain = raw.grain() == null ? Grain.TOTAL : Grain.fromParameter(raw.grain()).orElse(null);
        if (grain == null) {
            problems.add("query parameter 'grain': '" + raw.grain() + "' is not supported; allowed values: "
                    + Grain.parameterValues());
        }
        LocalDate from = date("from", raw.from(), problems);
        LocalDate to = date("to", raw.to(), problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add("query parameters 'from' and 'to': from " + from + " is after to " + to);
        }
        String timeZone = timeZone(raw.tz(), timeZones, problems);
        Duration maxStaleness = Staleness.parse(raw.maxStaleness(), problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new MetricsQuery(groupBy, grain, from, to, timeZone, maxStaleness);
    }

    /** The answer to query parameters that cannot be answered: each problem names its parameter. */
    static ProblemException invalid(List<String> problems) {
        return new ProblemException(Response.Status.BAD_REQUEST, "invalid query parameters", problems);
    }

    private static List<String> groupBy(String value, List<String> dimensions, List<String> problems) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String item : value.split(",", -1)) {
            String name = item.strip();
            if (name.isEmpty()) {
                problems.add("query parameter 'groupBy': '" + value + "' has an empty name; available dimensions: "
                        + dimensions);
            } else if (!dimensions.contains(name)) {
                problems.add("query parameter 'groupBy': '" + name + "' is not a dimension of this aggregate; "
                        + "available dimensions: " + dimensions);
            } else if (!names.add(name)) {
                problems.add("query parameter 'groupBy': '" + name + "' is listed more than once");
            }
        }
        return List.copyOf(names);
    }

    private static LocalDate date(String name, String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (ISO_DAY.matcher(value).matches()) {
                LocalDate date = LocalDate.parse(value);
                if (date.getYear() >= 1) {
                    return date;
                }
            }
        } catch (DateTimeParseException e) {
            // reported below, like any other text that is not a calendar day
        }
        problems.add("query parameter '" + name + "': '" + value + "' is not a date in the form YYYY-MM-DD");
        return null;
    }

    private static String timeZone(String value, Set<String> timeZones, List<String> problems) {
        if (value == null) {
            return DEFAULT_TIME_ZONE;
        }
        if (timeZones.contains(value)) {
            return value;
        }
        String problem = "query parameter 'tz': '" + value + "' is not an IANA time zone name such as UTC, "
                + "Europe/Paris or Asia/Kolkata";
        String lower = value.toLowerCase(Locale.ROOT);
        problem += timeZones.stream().filter(zone -> zone.toLowerCase(Locale.ROOT).equals(lower)).findFirst()
                .map(zone -> "; did you mean '" + zone + "'?").orElse("");
        problems.add(problem);
        return null;
    }
}
