package io.tributary.ingestion.service;

import java.util.Map;

/**
 * What a source is, as an operator declares it.
 *
 * @param format CSV (JSON and NDJSON are declared by the catalog and taken by a later release)
 * @param timeZone the IANA zone in which the source writes local dates and times; UTC when absent
 * @param options delimiter, quote, encoding
 */
public record SourceDefinition(String name, String dataset, String format, String timeZone, Map<String, String> options) {
}
