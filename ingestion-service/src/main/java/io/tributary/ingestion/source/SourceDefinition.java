package io.tributary.ingestion.source;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a source is, as an operator declares it.
 *
 * @param format CSV, JSON (an array of objects, or one object) or NDJSON
 * @param timeZone the IANA zone in which the source writes local dates and times; UTC when absent
 * @param options delimiter, quote, encoding
 * @param columnAliases input field → the contract column it stands for
 * @param formats contract property → the date-time pattern this source writes it in
 * @param maxQuarantineShare share of failing records (0..1) above which a batch is held whole; absent: never
 * @param dropFolder a folder to watch: files dropped there are taken once they stop growing, then moved to its
 *        {@code archive/} or {@code failed/} subfolder
 * @param topic a Kafka topic the source system publishes JSON events to (format NDJSON): the service consumes it
 */
public record SourceDefinition(String name, String dataset, String format, String timeZone, Map<String, String> options,
        Map<String, String> columnAliases, Map<String, String> formats, BigDecimal maxQuarantineShare,
        String dropFolder, String topic) {
}
