package io.tributary.benchmarks;

import static io.tributary.benchmarks.EndToEnd.log;
import static io.tributary.benchmarks.EndToEnd.seconds;

import java.io.InputStream;
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
 * design of the transform's batch path on this machine, to hold against the target of half of COPY's speed.
 * The statements keep what the service's tables keep: the key and the record it came from ({@code _input}), the
 * curated table's three indexes, the aggregate by day, region, state, category and product.
 * <p>
 * Usage: {@code run-set-based-bound.sh [rows, default 1000000]}.
 */
public final class SetBasedBound {

    private final long rows;

    private SetBasedBound(long rows) {
        this.rows = rows;
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 1_000_000;
        new SetBasedBound(rows).run();
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
                report(reference, measure(connection, file, contract));
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
        System.out.println(String.format(Locale.ROOT, "COPY / set-based pipeline: %.2f (the issue's target for the "
                + "transform's batch path: >= 0.50)", reference / total));
    }
}
