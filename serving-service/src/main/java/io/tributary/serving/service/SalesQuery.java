package io.tributary.serving.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A checked request for sales metrics.
 *
 * @param from first day included, or null
 * @param to last day included, or null
 */
public record SalesQuery(GroupBy groupBy, Grain grain, LocalDate from, LocalDate to) {

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Reads the raw query parameters (null when absent), reporting every problem at once. */
    public static SalesQuery parse(String groupBy, String from, String to, String grain) {
        List<String> problems = new ArrayList<>();
        GroupBy group = null;
        if (groupBy == null) {
            problems.add("query parameter 'groupBy': is required; allowed values: " + GroupBy.parameterValues());
        } else {
            group = GroupBy.fromParameter(groupBy).orElse(null);
            if (group == null) {
                problems.add("query parameter 'groupBy': '" + groupBy + "' is not supported; allowed values: "
                        + GroupBy.parameterValues());
            }
        }
        Grain parsedGrain = grain == null ? Grain.TOTAL : Grain.fromParameter(grain).orElse(null);
        if (parsedGrain == null) {
            problems.add("query parameter 'grain': '" + grain + "' is not supported; allowed values: "
                    + Grain.parameterValues());
        }
        LocalDate first = date("from", from, problems);
        LocalDate last = date("to", to, problems);
        if (first != null && last != null && first.isAfter(last)) {
            problems.add("query parameters 'from' and 'to': from " + first + " is after to " + last);
        }
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
        return new SalesQuery(group, parsedGrain, first, last);
    }

    private static LocalDate date(String name, String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (ISO_DAY.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below, like any other text that is not a calendar day
        }
        problems.add("query parameter '" + name + "': '" + value + "' is not a date in the form YYYY-MM-DD");
        return null;
    }
}
