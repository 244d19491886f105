package io.tributary.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

public record DumpFile(Path path, LocalDate date, List<String> columns, long lines, long accepted,
        long quarantined, long duplicates) {

    public DumpFile {
        columns = List.copyOf(columns);
    }
}
