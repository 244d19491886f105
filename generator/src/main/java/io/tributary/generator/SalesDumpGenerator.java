package io.tributary.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

public final class SalesDumpGenerator {

    private final GeneratorOptions options;

    public SalesDumpGenerator(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public GeneratorOptions options() {
        return options;
    }

    public GeneratedDumps writeCsv(Path dir) throws IOException {
        return write(dir, DumpFormat.CSV);
    }

    public GeneratedDumps writeNdjson(Path dir) throws IOException {
        return write(dir, DumpFormat.NDJSON);
    }

    public GeneratedDumps write(Path dir, DumpFormat format) throws IOException {
        return new DumpRun(options, Objects.requireNonNull(format, "format"), dir).run();
    }

    public static String fileName(LocalDate date, DumpFormat format) {
        return "sales-" + date + "." + format.extension();
    }
}
