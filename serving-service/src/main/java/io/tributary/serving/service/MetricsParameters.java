package io.tributary.serving.service;

/**
 * The query parameters of a metrics request as they arrived, each null when absent.
 *
 * @param groupBy dimension names separated by commas
 * @param from first local day included, YYYY-MM-DD
 * @param to last local day included, YYYY-MM-DD
 * @param grain total, day or month
 * @param tz IANA time zone the days are counted in
 * @param maxStaleness how old the data may be, an ISO-8601 duration
 */
public record MetricsParameters(String groupBy, String from, String to, String grain, String tz,
        String maxStaleness) {
}
