package io.tributary.ingestion.parsing;

/** How a source writes its delimited files. */
public record CsvFormat(char delimiter, char quote) {

    public static final CsvFormat RFC_4180 = new CsvFormat(',', '"');
}
