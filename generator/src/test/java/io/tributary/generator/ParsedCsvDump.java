package io.tributary.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

record ParsedCsvDump(Path path, List<String> header, List<CsvRecord> valid, List<CsvRecord> quarantined,
        List<CsvRecord> duplicates) {

    static ParsedCsvDump read(Path path) throws IOException {
        List<CsvRecord> records = Rfc4180Reader.read(path);
        List<String> header = records.get(0).fields();
        List<CsvRecord> valid = new ArrayList<>();
        List<CsvRecord> quarantined = new ArrayList<>();
        List<CsvRecord> duplicates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            if (!seen.add(record.raw())) {
                duplicates.add(record);
            } else if (Contract.violation(header, record.fields()).isPresent()) {
                quarantined.add(record);
            } else {
                valid.add(record);
            }
        }
        return new ParsedCsvDump(path, header, valid, quarantined, duplicates);
    }

    String value(CsvRecord record, String column) {
        return Contract.field(header, record.fields(), column);
    }
}
