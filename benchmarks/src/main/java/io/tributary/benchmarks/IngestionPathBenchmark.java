package io.tributary.benchmarks;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.event.Channels;
import io.tributary.catalog.event.EventJson;
import io.tributary.catalog.event.RecordEvent;
import io.tributary.ingestion.batch.KeyIndex;
import io.tributary.ingestion.batch.RecordEvents;
import io.tributary.ingestion.batch.RecordPath;
import io.tributary.ingestion.drift.ColumnAliases;
import io.tributary.ingestion.enforcement.CheckedRecord;
import io.tributary.ingestion.enforcement.ContractEnforcer;
import io.tributary.ingestion.messaging.RecordEventSerializer;
import io.tributary.ingestion.parsing.RecordReader;
import io.tributary.ingestion.parsing.RecordReaders;
import io.tributary.ingestion.parsing.SourceRecord;
import io.tributary.local.DemoLoader;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The ingestion service's per-record path on generated superstore-shaped rows, one invocation = one whole file of
 * {@value #ROWS} rows, so the scores are rows per second on one thread:
 * <ol>
 * <li>{@link #reference} a plain {@code BufferedReader.readLine()} and {@code String.split(",")}: the physical
 * reference the others are divided by;</li>
 * <li>{@link #parse} the service's CSV reader, opened by {@code RecordReaders.open} as the batch opens its file
 * (encoding detection, then the rows read from the UTF-8 bytes);</li>
 * <li>{@link #parseCheck} plus the contract check ({@code ContractEnforcer}: typed values of the demo contract);</li>
 * <li>{@link #parseCheckSerialise} plus the {@code RecordEvent} (made as a batch makes it) and its JSON bytes ({@code RecordEventSerializer}, as
 * the Kafka producer calls it);</li>
 * <li>{@link #batchPath} the service's own per-record path, {@code RecordPath}, which {@code BatchProcessor} runs for
 * every record it reads (aliases, the contract check, the in-batch key index with the raw row's fingerprint, the
 * event with its name-based id), then the event's JSON bytes.</li>
 * </ol>
 * The same rows read by maintained CSV libraries instead of the service's reader, each row made the
 * {@code SourceRecord} of strings that the rest of the path takes (the libraries do not keep a row's raw text, which
 * the service's reader makes when asked for):
 * <ol>
 * <li>{@link #parseFastCsv} FastCSV, {@link #parseJacksonCsv} Jackson's CSV data format and {@link #parseUnivocity}
 * univocity-parsers, each against {@link #parse};</li>
 * <li>{@link #parseCheckSerialiseFastCsv} the rows of FastCSV through the same check and JSON as
 * {@link #parseCheckSerialise}.</li>
 * </ol>
 * And {@link #parseCheckSerialiseJackson}: {@link #parseCheckSerialise} with the events written by Jackson
 * ({@code EventJson}, the plain version of the event writer: the same bytes).
 * The Kafka producer itself (batching, compression, network) is not included: the end-to-end benchmark covers it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class IngestionPathBenchmark {

    /** Rows of the generated file; a constant because {@link OperationsPerInvocation} needs one. */
    public static final int ROWS = 100_000;
    public static final long SEED = 20_240_101L;
    static final String SOURCE = "bench";
    static final ZoneId ZONE = ZoneId.of(DemoLoader.TIME_ZONE);

    private byte[] csv;
    private DataContract contract;
    private final RecordEventSerializer serializer = new RecordEventSerializer();
    private final UUID batch = UUID.nameUUIDFromBytes("jmh-batch".getBytes(StandardCharsets.UTF_8));
    private final CsvMapper jacksonCsv = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private final Instant acceptedAt = Instant.parse("2024-01-02T03:04:05Z");
    private final RecordEvents.OfBatch events = new RecordEvents.OfBatch(SOURCE, DemoLoader.DATASET, 1, batch);

    @Setup
    public void setUp() throws IOException {
        csv = GeneratedCsv.bytes(ROWS, SEED);
        contract = ContractReader.read(ContractReader.parse(DemoLoader.contractYaml(), ContractReader.Syntax.YAML),
                DemoLoader.DATASET);
        verify();
    }

    /** Fails the run, rather than measuring nonsense, if the file or the contract do not fit each other. */
    private void verify() throws IOException {
        ContractEnforcer enforcer = new ContractEnforcer(contract, ZONE);
        long rows = 0;
        try (RecordReader reader = reader()) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                rows++;
                CheckedRecord checked = enforcer.check(record);
                if (!checked.isAccepted()) {
                    throw new IllegalStateException("line " + record.position() + " is not accepted: "
                            + checked.violation());
                }
            }
        }
        if (rows != ROWS) {
            throw new IllegalStateException("the generated file has " + rows + " rows, not " + ROWS);
        }
        sameRows("FastCSV", fastCsv());
        sameRows("Jackson CSV", jacksonCsv());
        sameRows("univocity-parsers", univocity());
    }

    /** Fails the run unless a library reads the same fields, names and lines as the service's reader. */
    private void sameRows(String library, Iterator<SourceRecord> rows) throws IOException {
        try (RecordReader reader = reader()) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                SourceRecord row = rows.hasNext() ? rows.next() : null;
                if (row == null || row.position() != record.position() || !row.names().equals(record.names())
                        || !row.values().equals(record.values())) {
                    throw new IllegalStateException(library + " reads line " + record.position() + " as " + row);
                }
            }
        }
        if (rows.hasNext()) {
            throw new IllegalStateException(library + " reads more rows than the service's reader");
        }
    }

    private RecordReader reader() {
        // what BatchProcessor opens for a CSV source without options (encoding detected: UTF-8)
        return RecordReaders.open(SourceEntity.Format.CSV, Map.of(), new ByteArrayInputStream(csv));
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long reference(Blackhole bh) throws IOException {
        long fields = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.split(",");
                fields += parts.length;
                bh.consume(parts);
            }
        }
        return fields;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parse(Blackhole bh) throws IOException {
        long rows = 0;
        try (RecordReader reader = reader()) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                rows++;
                bh.consume(record);
            }
        }
        return rows;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseCheck(Blackhole bh) throws IOException {
        ContractEnforcer enforcer = new ContractEnforcer(contract, ZONE);
        long accepted = 0;
        try (RecordReader reader = reader()) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                CheckedRecord checked = enforcer.check(record);
                if (checked.isAccepted()) {
                    accepted++;
                }
                bh.consume(checked);
            }
        }
        return accepted;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseCheckSerialise(Blackhole bh) throws IOException {
        ContractEnforcer enforcer = new ContractEnforcer(contract, ZONE);
        long bytes = 0;
        try (RecordReader reader = reader()) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                CheckedRecord checked = enforcer.check(record);
                if (!checked.isAccepted()) {
                    continue;
                }
                RecordEvent event = events.event(batch, record.position(), checked, acceptedAt);
                byte[] json = serializer.serialize(Channels.ACCEPTED_RECORDS, event);
                bytes += json.length;
                bh.consume(json);
            }
        }
        return bytes;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long batchPath(Blackhole bh) throws IOException {
        RecordPath path = new RecordPath(contract, ZONE, new ColumnAliases(Map.of()), new KeyIndex(), events,
                acceptedAt);
        long bytes = 0;
        try (RecordReader reader = reader()) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                if (path.take(record) instanceof RecordPath.Accepted accepted) {
                    byte[] json = serializer.serialize(Channels.ACCEPTED_RECORDS, path.event(accepted));
                    bytes += json.length;
                    bh.consume(json);
                }
            }
        }
        return bytes;
    }

    /** The rows of the file as FastCSV reads them, lenient as the service's reader is. */
    private Iterator<SourceRecord> fastCsv() {
        CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraCharsAfterClosingQuote(true)
                .allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true).detectBomHeader(true)
                .ofCsvRecord(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
        Iterator<CsvRecord> rows = reader.iterator();
        List<String> header = rows.next().getFields().stream().map(String::strip).toList();
        return new Rows() {
            @Override
            SourceRecord read() {
                if (!rows.hasNext()) {
                    return null;
                }
                CsvRecord row = rows.next();
                return new SourceRecord(row.getStartingLineNumber(), header, row.getFields(), null, null);
            }
        };
    }

    /** The rows of the file as Jackson's CSV data format reads them, as arrays of strings. */
    private Iterator<SourceRecord> jacksonCsv() throws IOException {
        MappingIterator<String[]> rows = jacksonCsv.readerFor(String[].class)
                .readValues(new ByteArrayInputStream(csv));
        List<String> header = Arrays.stream(rows.next()).map(String::strip).toList();
        return new Rows() {
            private long line = 1;

            @Override
            SourceRecord read() {
                return rows.hasNext() ? new SourceRecord(++line, header, Arrays.asList(rows.next()), null, null) : null;
            }
        };
    }

    /** The rows of the file as univocity-parsers reads them, values as written (no trimming, no nulls). */
    private Iterator<SourceRecord> univocity() {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setLineSeparator("\r\n");
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setMaxCharsPerColumn(-1);
        com.univocity.parsers.csv.CsvParser parser = new com.univocity.parsers.csv.CsvParser(settings);
        parser.beginParsing(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
        List<String> header = Arrays.stream(parser.parseNext()).map(String::strip).toList();
        return new Rows() {
            @Override
            SourceRecord read() {
                String[] fields = parser.parseNext();
                return fields == null
                        ? null
                        : new SourceRecord(parser.getContext().currentLine(), header, Arrays.asList(fields), null, null);
            }
        };
    }

    /** An iterator over rows read one ahead. */
    private abstract static class Rows implements Iterator<SourceRecord> {
        private SourceRecord next;
        private boolean read;

        /** The next row, or null at the end. */
        abstract SourceRecord read();

        @Override
        public boolean hasNext() {
            if (!read) {
                next = read();
                read = true;
            }
            return next != null;
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            read = false;
            return next;
        }
    }

    private static long consumeAll(Iterator<SourceRecord> records, Blackhole bh) {
        long rows = 0;
        while (records.hasNext()) {
            rows++;
            bh.consume(records.next());
        }
        return rows;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseFastCsv(Blackhole bh) {
        return consumeAll(fastCsv(), bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseJacksonCsv(Blackhole bh) throws IOException {
        return consumeAll(jacksonCsv(), bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseUnivocity(Blackhole bh) {
        return consumeAll(univocity(), bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseCheckSerialiseFastCsv(Blackhole bh) {
        ContractEnforcer enforcer = new ContractEnforcer(contract, ZONE);
        long bytes = 0;
        for (Iterator<SourceRecord> records = fastCsv(); records.hasNext();) {
            SourceRecord record = records.next();
            CheckedRecord checked = enforcer.check(record);
            if (!checked.isAccepted()) {
                continue;
            }
            RecordEvent event = events.event(batch, record.position(), checked, acceptedAt);
            byte[] json = serializer.serialize(Channels.ACCEPTED_RECORDS, event);
            bytes += json.length;
            bh.consume(json);
        }
        return bytes;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseCheckSerialiseJackson(Blackhole bh) throws IOException {
        ContractEnforcer enforcer = new ContractEnforcer(contract, ZONE);
        long bytes = 0;
        try (RecordReader reader = reader()) {
            for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
                CheckedRecord checked = enforcer.check(record);
                if (!checked.isAccepted()) {
                    continue;
                }
                RecordEvent event = events.event(batch, record.position(), checked, acceptedAt);
                byte[] json = EventJson.write(event);
                bytes += json.length;
                bh.consume(json);
            }
        }
        return bytes;
    }
}
