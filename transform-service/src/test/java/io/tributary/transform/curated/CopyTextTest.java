package io.tributary.transform.curated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.agroal.api.AgroalDataSource;
import io.tributary.catalog.curated.CuratedTables;
import io.tributary.local.LocalPostgres;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.PipelineCompiler;
import io.tributary.transform.pipeline.PipelineReader;

/** The bulk-appending COPY text writer writes what the char-by-char one does, and PostgreSQL reads back what it wrote. */
class CopyTextTest {

    private static final String[] ALPHABET = {"a", "Z", "0", " ", "\\", "\\", "\n", "\r", "\t", "N", ".", "\"", "{",
            "}", ",", "'", "é", "€", "\uD83D\uDE00", "\u00A0", "\u0001", "\u007F", "]", "["};

    private static final Map<String, FieldType> FIELDS = new LinkedHashMap<>();
    static {
        FIELDS.put("name", FieldType.TEXT);
        FIELDS.put("note", FieldType.TEXT);
        FIELDS.put("count", FieldType.INTEGER);
        FIELDS.put("amount", FieldType.DECIMAL);
        FIELDS.put("paid", FieldType.BOOLEAN);
        FIELDS.put("day", FieldType.DATE);
        FIELDS.put("at", FieldType.TIMESTAMP);
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    @Test
    void escapesEveryTextAsTheCharByCharWriterDoes() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("", "\\", "\\N", "\n", "\r\n", "\t\t", "plain", "ends\\",
                "\\starts", "é\\ü\n€", "\uD83D\uDE00\t", "\uDE00\\\uD83D", "x".repeat(10_000) + "\\" + "y".repeat(10_000)));
        for (int round = 0; round < 50_000; round++) {
            texts.add(randomText(random, round % 100 == 0 ? 2_000 : 30));
        }
        for (String text : texts) {
            assertSameField(text);
        }
    }

    @Test
    void writesEveryTypeOfValueAsTheCharByCharWriterDoes() {
        for (Object value : new Object[]{null, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 7, Integer.MIN_VALUE,
                new BigDecimal("0.00"), new BigDecimal("-1E+3"), new BigDecimal("123456789012345678901234567890.5"),
                new BigDecimal("1E-20"), true, false, LocalDate.of(2017, 11, 8), Instant.parse("2017-11-08T01:30:00.123456Z"),
                Instant.EPOCH, UUID.randomUUID(), List.of("a\\b", "c\td")}) {
            assertSameField(value);
        }
    }

    @Test
    void writesRowsAsTheCharByCharWriterDoes() {
        Random random = new Random(11);
        List<String> columns = new ArrayList<>(FIELDS.keySet());
        for (int round = 0; round < 2_000; round++) {
            CuratedRow row = awkwardRow(random, round);
            StringBuilder expected = new StringBuilder("previous\n");
            StringBuilder actual = new StringBuilder("previous\n");
            CharByCharCopyText.line(row, columns, expected);
            CopyText.line(row, columns, actual);
            assertEquals(expected.toString(), actual.toString());
        }
    }

    @Test
    void copiesAwkwardRowsIntoTheCuratedTableAndReadsThemBackEqual() throws Exception {
        CompiledPipeline pipeline = PipelineCompiler.compile(PipelineReader.read("""
                name: awkward
                dataset: awkward
                """, true), 1, FIELDS, name -> Optional.empty());
        List<String> columns = new ArrayList<>(pipeline.output().keySet());
        Random random = new Random(3);
        Map<String, CuratedRow> written = new LinkedHashMap<>();
        for (int round = 0; round < 500; round++) {
            CuratedRow row = awkwardRow(random, round);
            written.put(row.key(), row);
        }
        try (LocalPostgres postgres = LocalPostgres.start(null, 0);
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER,
                        LocalPostgres.PASSWORD)) {
            connection.createStatement().execute("create schema if not exists " + CuratedTables.SCHEMA);
            CuratedTableRepository repository = new CuratedTableRepository(dataSource(connection));
            assertEquals(List.of(), repository.ensure(pipeline, List.of()));
            StringBuilder text = new StringBuilder();
            for (CuratedRow row : written.values()) {
                CopyText.line(row, columns, text);
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(CopyText.statement(pipeline));
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            assertEquals(written.size(), copy.endCopy());

            Map<String, CuratedRow> read = repository.lock(pipeline, written.keySet());
            assertEquals(written.size(), read.size());
            for (CuratedRow row : written.values()) {
                assertEquals(row, read.get(row.key()), () -> "row " + row.key());
            }
        }
    }

    /**
     * A row whose texts hold every character COPY escapes, unicode and empty strings, whose values are sometimes null,
     * and whose decimals and times are in the form PostgreSQL gives back (exact scale, microseconds).
     */
    private static CuratedRow awkwardRow(Random random, int round) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", randomText(random, 40));
        values.put("note", round % 5 == 0 ? null : randomText(random, round % 50 == 0 ? 3_000 : 20));
        values.put("count", round % 7 == 0 ? null : random.nextLong());
        values.put("amount", round % 11 == 0
                ? null
                : FieldType.DECIMAL.coerce(BigDecimal.valueOf(random.nextLong(), random.nextInt(12))));
        values.put("paid", round % 13 == 0 ? null : random.nextBoolean());
        values.put("day", round % 17 == 0 ? null : LocalDate.ofEpochDay(random.nextInt(40_000) - 10_000));
        values.put("at", round % 19 == 0
                ? null
                : Instant.ofEpochSecond(random.nextInt(2_000_000_000),
                        random.nextInt(1_000_000) * 1_000L));
        List<String> pending = round % 3 == 0 ? List.of() : List.of(randomText(random, 10), "ref\"s\\");
        CuratedRow.Status status = CuratedRow.Status.values()[round % 3];
        String input = "{\"name\":\"" + randomText(random, 20).replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replaceAll("[\\u0000-\\u001f]", "?") + "\"}";
        return new CuratedRow(round + "\t" + randomText(random, 12), UUID.randomUUID(), "shop\\" + round,
                UUID.randomUUID(), random.nextLong(), random.nextInt(64), random.nextLong() & Long.MAX_VALUE, 1 + round,
                randomText(random, 64), status, pending, input,
                Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1_000L), values);
    }

    private static void assertSameField(Object value) {
        StringBuilder expected = new StringBuilder("x\t");
        StringBuilder actual = new StringBuilder("x\t");
        CharByCharCopyText.field(value, expected);
        CopyText.field(value, actual);
        assertEquals(expected.toString(), actual.toString());
    }

    /** One connection as the data source the repository asks, never closed by it. */
    private static AgroalDataSource dataSource(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(CopyTextTest.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (AgroalDataSource) Proxy.newProxyInstance(CopyTextTest.class.getClassLoader(),
                new Class<?>[]{AgroalDataSource.class, DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
