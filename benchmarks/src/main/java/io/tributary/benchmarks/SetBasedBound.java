package io.tributary.benchmarks;

import static io.tributary.benchmarks.EndToEnd.log;
import static io.tributary.benchmarks.EndToEnd.seconds;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.contract.DataContract;
import io.tributary.generator.DumpFile;
import io.tributary.local.DemoLoader;
import io.tributary.local.LocalPostgres;

/**
 * What PostgreSQL alone needs for the demo pipeline's work on a file, done the fastest way it knows: the file loaded
 * with {@code COPY}, then the curated table, the daily aggregate, the purchase histories and the co-purchase counts
 * each built by one set-based statement from it, in one transaction, on a PostgreSQL set up as the local suite's. No
 * Kafka, no service, no per-record bookkeeping (offsets, versions, corrections, late data, lineage): a bound for any
 * design of the transform's batch path on this machine, the batch path's target is 0.75 of it.
 * The statements keep what the service's tables keep: the key and the record it came from ({@code _input}), the
 * curated table's three indexes, the aggregate by day, region, state, category and product.
 * <p>
 * With {@code --polls N[,M...]} the same work is then done again as a stream would bring it: the file in polls of N
 * rows, each poll copied into a staging table and applied by set-based statements to tables that already hold the
 * rows before it, with their indexes (the curated rows inserted, the aggregate, purchase histories and co-purchase
 * counts moved by upserts), one transaction per poll ({@link #polls}). That is the fastest any set-based batch path of
 * the service could apply polls of that size, with no JVM work at all; its time is printed as a share of the bound.
 * <p>
 * Usage: {@code run-set-based-bound.sh [rows, default 1000000] [--polls 5000,50000]}.
 */
public final class SetBasedBound {

    private final long rows;
    private final List<Integer> polls;

    private SetBasedBound(long rows, List<Integer> polls) {
        this.rows = rows;
        this.polls = polls;
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        List<Integer> polls = List.of();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--polls")) {
                polls = Stream.of(args[++i].split(",")).map(n -> Integer.parseInt(n.replace("_", ""))).toList();
            } else {
                rows = Long.parseLong(args[i].replace("_", "").replace(",", ""));
            }
        }
        new SetBasedBound(rows, polls).run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("tributary-set-based-");
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("postgres"), 0)) {
            DumpFile file = GeneratedCsv.write(work.resolve("input"), rows, IngestEndToEnd.SEED);
            DataContract contract = ContractReader.read(
                    ContractReader.parse(DemoLoader.contractYaml(), ContractReader.Syntax.YAML), DemoLoader.DATASET);
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER,
                    LocalPostgres.PASSWORD); Statement statement = connection.createStatement()) {
                statement.execute("set datestyle = 'ISO, MDY'");
                double reference = copy(connection, statement, file, contract, "reference");
                Map<String, Double> bound = measure(connection, file, contract);
                report(reference, bound);
                for (int size : polls) {
                    statement.execute("create schema polls_" + size);
                    statement.execute("set search_path = polls_" + size);
                    double seconds = polls(connection, file, contract, size);
                    statement.execute("set search_path = public");
                    statement.execute("drop schema polls_" + size + " cascade");
                    System.out.println(String.format(Locale.ROOT, "The same work in polls of %,d rows, set-based, "
                            + "one transaction each: %.2f s; bound / polls: %.2f", size, seconds,
                            total(bound) / seconds));
                }
            }
        } finally {
            GeneratedCsv.deleteRecursively(work);
        }
    }

    /**
     * Does the pipeline's work on the file set-based, in one transaction on the connection, in the schema its search
     * path names first; the seconds of each step, COPY into the staging table and the commit included. The connection
     * is left in autocommit, as it came.
     */
    static Map<String, Double> measure(Connection connection, DumpFile file, DataContract contract) throws Exception {
        Map<String, Double> steps = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set datestyle = 'ISO, MDY'");
            connection.setAutoCommit(false);
            steps.put("COPY of the file into a staging table", copy(connection, statement, file, contract,
                    "staging"));
            for (Map.Entry<String, String> step : statements().entrySet()) {
                long t0 = System.nanoTime();
                statement.execute(step.getValue());
                steps.put(step.getKey(), seconds(System.nanoTime() - t0));
                log(String.format(Locale.ROOT, "%s: %.2f s", step.getKey(), steps.get(step.getKey())));
            }
            long t0 = System.nanoTime();
            connection.commit();
            steps.put("commit", seconds(System.nanoTime() - t0));
        } finally {
            connection.setAutoCommit(true);
        }
        return steps;
    }

    /**
     * Applies the file in polls of {@code size} rows to tables that already hold the rows before, with their indexes,
     * one transaction per poll: each poll copied into a staging table, its curated rows inserted, the aggregate, the
     * purchase histories and the co-purchase counts moved by upserts. The counts of an order whose lines fall into two
     * polls are not merged exactly (the service's own path does that); the work is the same. Its seconds.
     */
    static double polls(Connection connection, DumpFile file, DataContract contract, int size) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set datestyle = 'ISO, MDY'");
            statement.execute(IngestEndToEnd.createTable("staging", file.columns(), contract)
                    .replaceFirst("create table", "create unlogged table"));
            for (String sql : statements().values()) {
                statement.execute(sql);
            }
            statement.execute("checkpoint");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String curated = statements().values().iterator().next().replace("create table curated as", "");
            List<String> apply = List.of("create temp table fresh on commit drop as " + curated, "analyze fresh",
                    "insert into curated select * from fresh",
                    """
                            insert into curated_agg select order_date, region, state, category, product_id, sum(sales),
                              sum(net_sales), sum(quantity), sum(profit), count(*) from fresh group by 1, 2, 3, 4, 5
                            on conflict (_bucket, region, state, category, product_id) do update set
                              sales = curated_agg.sales + excluded.sales,
                              net_sales = curated_agg.net_sales + excluded.net_sales,
                              quantity = curated_agg.quantity + excluded.quantity,
                              profit = curated_agg.profit + excluded.profit, _lines = curated_agg._lines + excluded._lines""",
                    """
                            insert into curated_customer_products select customer_id, product_id,
                              count(distinct order_id), sum(quantity), max(order_date) from fresh group by 1, 2
                            on conflict (customer, product) do update set
                              orders = curated_customer_products.orders + excluded.orders,
                              quantity = curated_customer_products.quantity + excluded.quantity,
                              last_event = greatest(curated_customer_products.last_event, excluded.last_event)""",
                    """
                            insert into curated_co_purchases select a.product_id, b.product_id, count(distinct a.order_id)
                            from fresh a join curated b on a.order_id = b.order_id and a.product_id <> b.product_id
                            group by 1, 2 on conflict (product, other_product) do update set
                              orders = curated_co_purchases.orders + excluded.orders""",
                    """
                            insert into curated_co_purchases select b.product_id, a.product_id, count(distinct a.order_id)
                            from fresh a join curated b on a.order_id = b.order_id and a.product_id <> b.product_id
                            where not exists (select 1 from fresh f where f._key = b._key)
                            group by 1, 2 on conflict (product, other_product) do update set
                              orders = curated_co_purchases.orders + excluded.orders""");
            connection.setAutoCommit(false);
            long t0 = System.nanoTime();
            long applied = 0;
            try (BufferedReader in = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
                String header = in.readLine();
                StringBuilder poll = new StringBuilder();
                int lines = 0;
                for (String line = in.readLine();; line = in.readLine()) {
                    if (line != null) {
                        poll.append(line).append('\n');
                        lines++;
                    }
                    if (lines == size || (line == null && lines > 0)) {
                        statement.execute("truncate staging");
                        applied += copy.copyIn("COPY staging FROM STDIN WITH (FORMAT csv)",
                                new StringReader(poll.toString()));
                        for (String sql : apply) {
                            statement.execute(sql);
                        }
                        connection.commit();
                        poll.setLength(0);
                        lines = 0;
                    }
                    if (line == null) {
                        break;
                    }
                }
                if (header == null || applied != file.lines()) {
                    throw new IllegalStateException("applied " + applied + " rows in polls, expected " + file.lines());
                }
            } finally {
                connection.setAutoCommit(true);
            }
            double seconds = seconds(System.nanoTime() - t0);
            log(String.format(Locale.ROOT, "polls of %,d rows: %.2f s", size, seconds));
            return seconds;
        }
    }

    /** The seconds of the whole set-based pipeline: every step of {@link #measure}. */
    static double total(Map<String, Double> steps) {
        return steps.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The steps as rows of a report's table, with their total. */
    static List<String[]> rows(Map<String, Double> steps) {
        List<String[]> table = new ArrayList<>();
        steps.forEach((step, s) -> table.add(new String[]{step, String.format(Locale.ROOT, "%.2f", s)}));
        table.add(new String[]{"**the pipeline's work, set-based, in all**",
                String.format(Locale.ROOT, "%.2f", total(steps))});
        return table;
    }

    /** COPY of the file into a new table typed as the contract; its seconds. */
    private static double copy(Connection connection, Statement statement, DumpFile file, DataContract contract, String table)
            throws Exception {
        statement.execute(IngestEndToEnd.createTable(table, file.columns(), contract));
        if (connection.getAutoCommit()) {
            statement.execute("checkpoint");
        }
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(file.path())) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", in, 64 * 1024);
        }
        double elapsed = seconds(System.nanoTime() - t0);
        log(String.format(Locale.ROOT, "COPY into %s: %.2f s", table, elapsed));
        return elapsed;
    }

    /** The demo pipeline's tables, each built from the staging table (or the curated one) by one statement. */
    private static Map<String, String> statements() {
        Map<String, String> sql = new LinkedHashMap<>();
        String texts = Stream.of("Customer Name", "Segment", "City", "State", "Region", "Category",
                "Sub-Category", "Product Name").map(
                        c -> normalised(c) + " as " + c.toLowerCase(Locale.ROOT)
                                .replace(' ', '_').replace('-', '_'))
                .collect(Collectors.joining(", "));
        sql.put("curated rows (normalised text, net sales, _input)", """
                create table curated as
                select s."Row ID"::text as _key, row_to_json(s)::json as _input, s."Row ID" as row_id,
                  s."Order ID" as order_id, s."Order Date" as order_date, s."Ship Date" as ship_date,
                  s."Ship Mode" as ship_mode, s."Customer ID" as customer_id, s."Country" as country,
                  s."Postal Code" as postal_code, s."Product ID" as product_id, s."Sales" as sales,
                  s."Quantity" as quantity, s."Discount" as discount, s."Profit" as profit,
                  s."Sales" - coalesce(s."Discount", 0) * s."Sales" as net_sales, """ + texts
                + " from staging s");
        sql.put("  its primary key", "alter table curated add primary key (_key)");
        sql.put("  its index by order", "create index on curated (order_id)");
        sql.put("  its index by customer and product", "create index on curated (customer_id, product_id)");
        sql.put("aggregate by day, region, state, category, product", """
                create table curated_agg as
                select order_date as _bucket, region, state, category, product_id, sum(sales) as sales,
                  sum(net_sales) as net_sales, sum(quantity) as quantity, sum(profit) as profit, count(*) as _lines
                from curated group by 1, 2, 3, 4, 5;
                alter table curated_agg add primary key (_bucket, region, state, category, product_id)""");
        sql.put("purchase histories by customer and product", """
                create table curated_customer_products as
                select customer_id as customer, product_id as product, count(distinct order_id) as orders,
                  sum(quantity) as quantity, max(order_date) as last_event
                from curated group by 1, 2;
                alter table curated_customer_products add primary key (customer, product)""");
        sql.put("co-purchase counts", """
                create table curated_co_purchases as
                select a.product_id as product, b.product_id as other_product, count(distinct a.order_id) as orders
                from curated a join curated b on a.order_id = b.order_id and a.product_id <> b.product_id
                group by 1, 2;
                alter table curated_co_purchases add primary key (product, other_product)""");
        return sql;
    }

    /**
     * The pipeline's {@code normalise} of a text column: non-breaking spaces as spaces, trimmed, in NFC. Text that is
     * NFC already (the quick check) is not normalised again, as the service does not either.
     */
    private static String normalised(String column) {
        String trimmed = "btrim(replace(s.\"" + column + "\", chr(160), ' '))";
        return "case when " + trimmed + " is nfc normalized then " + trimmed + " else normalize(" + trimmed
                + ", nfc) end";
    }

    private void report(double reference, Map<String, Double> steps) {
        double total = total(steps);
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"step", "seconds"});
        table.add(new String[]{"reference: COPY of the file into a table typed as the contract",
                String.format(Locale.ROOT, "%.2f", reference)});
        table.addAll(rows(steps));
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "## The demo pipeline set-based in PostgreSQL, %,d rows, %d cores",
                rows, Runtime.getRuntime().availableProcessors()));
        System.out.println();
        EndToEnd.printTable(table);
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "COPY / set-based pipeline: %.2f. This bound is what the "
                + "transform's batch path is held against (>= 0.75 of it, run-transform-batch.sh measures both)",
                reference / total));
    }
}
