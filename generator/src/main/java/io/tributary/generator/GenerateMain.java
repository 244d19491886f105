package io.tributary.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

public final class GenerateMain {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: generator --out DIR [--format csv|ndjson] [--seed N] [--rows N] [--days N]",
            "                 [--start YYYY-MM-DD] [--anomaly-rate X] [--duplicate-rate X]",
            "                 [--schema-change-day N] [--schema-change add-column|rename-column]",
            "defaults: --format csv --seed 42 --rows 10000 --days 7 --start 2018-01-01",
            "          --anomaly-rate 0 --duplicate-rate 0 --schema-change-day -1 --schema-change add-column");

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private GenerateMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        GeneratorOptions options = GeneratorOptions.defaults();
        DumpFormat format = DumpFormat.CSV;
        Path dir = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new UsageException("missing value for " + name);
                }
                String value = args[++i];
                try {
                    switch (name) {
                        case "--out" -> dir = Path.of(value);
                        case "--format" -> format = parseFormat(value);
                        case "--seed" -> options = options.withSeed(Long.parseLong(value));
                        case "--rows" -> options = options.withRows(Long.parseLong(value));
                        case "--days" -> options = options.withDays(Integer.parseInt(value));
                        case "--start" -> options = options.withStartDate(LocalDate.parse(value));
                        case "--anomaly-rate" -> options = options.withAnomalyRate(Double.parseDouble(value));
                        case "--duplicate-rate" -> options = options.withDuplicateRate(Double.parseDouble(value));
                        case "--schema-change-day" -> options = options.withSchemaChange(Integer.parseInt(value),
                                options.schemaChange());
                        case "--schema-change" -> options = options.withSchemaChange(options.schemaChangeDay(),
                                parseSchemaChange(value));
                        default -> throw new UsageException("unknown option " + name);
                    }
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new UsageException("invalid value for " + name + ": " + value);
                }
            }
            if (dir == null) {
                throw new UsageException("--out is required");
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            GeneratedDumps dumps = new SalesDumpGenerator(options).write(dir, format);
            out.println("wrote " + dir + " " + dumps.summary());
            return 0;
        } catch (IOException e) {
            err.println("error: cannot write " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    private static DumpFormat parseFormat(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "csv" -> DumpFormat.CSV;
            case "ndjson" -> DumpFormat.NDJSON;
            default -> throw new IllegalArgumentException("unknown format " + value);
        };
    }

    private static SchemaChange parseSchemaChange(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "add-column" -> SchemaChange.ADD_COLUMN;
            case "rename-column" -> SchemaChange.RENAME_COLUMN;
            default -> throw new IllegalArgumentException("unknown schema change " + value);
        };
    }
}
