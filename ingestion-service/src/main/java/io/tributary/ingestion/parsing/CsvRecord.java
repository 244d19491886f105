package io.tributary.ingestion.parsing;

import java.util.List;

/**
 * One record of a delimited file.
 *
 * @param line the physical line on which the record starts (1 = first line of the file)
 * @param raw the record's text as it appeared, without its line end
 */
public record CsvRecord(long line, List<String> fields, String raw) {
}
