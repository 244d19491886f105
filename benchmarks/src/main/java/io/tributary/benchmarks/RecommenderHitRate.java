package io.tributary.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

import io.tributary.serving.recommend.Recommender;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Hit rate at 10 of the built-in recommender on a time split of the superstore orders, beside a popularity baseline
 * on the same split.
 * <p>
 * The order lines placed before the split date are the training data: from them come the inputs the transform keeps
 * for serving (decision 0041), counted the same way: each customer's orders per product, the orders holding each pair
 * of products, the best sellers overall (orders per product) and per region (order lines per product). Each customer
 * who bought before the split and after it is a test customer; the products they bought after it are the truth.
 * <p>
 * Rankings, all through serving's own {@link Recommender#forCustomer} (the function the recommendations endpoint
 * answers with, not a copy), with its settings varied: co-purchases ahead of the best sellers (as first built, with
 * the region's best sellers or without; every pair or pairs in 2+ orders only), co-purchases blended with popularity
 * (every pair, or pairs in 2+ orders: {@link #SERVED}), the region's best sellers then the overall ones, and the
 * <b>popularity</b> baseline: the overall best sellers the customer has not bought, i.e. the same function given no
 * co-purchase pairs and no region.
 * <p>
 * A customer is a hit when one of the top 10 is a product they bought after the split. Every ranking leaves out what
 * the customer already bought, so the figures are also given over the products bought after the split that the
 * customer had not bought before ("new products"), the only ones any of them can hit.
 * <p>
 * Usage: {@code run-recommender-hit-rate.sh [--data ../shared/data/superstore/superstore.csv] [--split 2018-01-01]
 * [--k 10]}; several {@code --split} may be given.
 */
public final class RecommenderHitRate {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

    /** One order line of the superstore data. */
    record Line(String order, LocalDate date, String customer, String region, String product) {
    }

    /** The counts serving ranks with, taken from the training lines. */
    record Training(Map<String, List<Recommender.Purchase>> histories, Map<String, List<Recommender.Pair>> pairs,
            List<Recommender.Sales> bestSellers, Map<String, List<Recommender.Sales>> regionalBestSellers,
            Map<String, String> regions) {
    }

    /** The ranking serving answers with by default (its configuration's defaults). */
    static final Recommender.Ranking SERVED = Recommender.Ranking.blended(2);

    /**
     * One ranking measured: serving's function with these settings, given the co-purchase pairs or not, and the
     * region's best sellers or not.
     */
    record Variant(String name, Recommender.Ranking ranking, boolean coPurchases, boolean region) {
    }

    /** Hits of one ranking over the test customers. */
    static final class Score {
        int customers;
        int hits;
        int hitsNew;
        int customersWithNew;
        long truthNew;
        long foundNew;

        void add(List<Recommender.Recommendation> ranked, Set<String> after, Set<String> before) {
            Set<String> top = new HashSet<>();
            ranked.forEach(recommendation -> top.add(recommendation.product()));
            customers++;
            if (after.stream().anyMatch(top::contains)) {
                hits++;
            }
            Set<String> fresh = new HashSet<>(after);
            fresh.removeAll(before);
            if (!fresh.isEmpty()) {
                customersWithNew++;
                long found = fresh.stream().filter(top::contains).count();
                hitsNew += found > 0 ? 1 : 0;
                truthNew += fresh.size();
                foundNew += found;
            }
        }
    }

    private RecommenderHitRate() {
    }

    public static void main(String[] args) throws IOException {
        Path data = EndToEnd.repositoryRoot().resolve("../shared/data/superstore/superstore.csv").normalize();
        List<LocalDate> splits = new ArrayList<>();
        int k = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--split" -> splits.add(LocalDate.parse(args[++i]));
                case "--k" -> k = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("usage: run-recommender-hit-rate.sh [--data superstore.csv] "
                            + "[--split YYYY-MM-DD]... [--k 10]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (-h for help)");
            }
        }
        if (splits.isEmpty()) {
            splits.add(LocalDate.of(2018, 1, 1));
        }
        List<Line> lines = read(data);
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "## Recommender hit rate at %d, %s: %,d order lines of %s "
                + "(%s .. %s)", k, java.time.Instant.now(), lines.size(), data.getFileName(),
                lines.stream().map(Line::date).min(Comparator.naturalOrder()).orElseThrow(),
                lines.stream().map(Line::date).max(Comparator.naturalOrder()).orElseThrow()));
        for (LocalDate split : splits) {
            evaluate(lines, split, k);
        }
    }

    /** The order lines of the file, up to the first row that is not one (the file appends two other tables). */
    static List<Line> read(Path data) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(data, StandardCharsets.UTF_8);
                CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                        .ofCsvRecord(reader)) {
            Iterator<CsvRecord> records = csv.iterator();
            List<String> header = records.next().getFields();
            int order = header.indexOf("Order ID");
            int date = header.indexOf("Order Date");
            int customer = header.indexOf("Customer ID");
            int region = header.indexOf("Region");
            int product = header.indexOf("Product ID");
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (record.getFieldCount() != header.size()) {
                    break;
                }
                lines.add(new Line(record.getField(order), LocalDate.parse(record.getField(date), US_DATE),
                        record.getField(customer), record.getField(region), record.getField(product)));
            }
        }
        return lines;
    }

    static void evaluate(List<Line> lines, LocalDate split, int k) {
        List<Line> train = lines.stream().filter(line -> line.date().isBefore(split)).toList();
        List<Line> test = lines.stream().filter(line -> !line.date().isBefore(split)).toList();
        Training training = train(train);
        Map<String, Set<String>> after = products(test);
        Map<String, Set<String>> before = products(train);

        List<Variant> variants = List.of(
                new Variant("as first built (0041): every co-purchase first, then region's and overall best sellers",
                        Recommender.Ranking.coPurchasesFirst(1), true, true),
                new Variant("every co-purchase first, then overall best sellers",
                        Recommender.Ranking.coPurchasesFirst(1), true, false),
                new Variant("co-purchases in 2+ orders first, then overall best sellers",
                        Recommender.Ranking.coPurchasesFirst(2), true, false),
                new Variant("blended: every co-purchase added to the orders over all customers",
                        Recommender.Ranking.blended(1), true, false),
                new Variant("blended: co-purchases in 2+ orders added to the orders over all customers (served)",
                        SERVED, true, false),
                new Variant("region's best sellers, then overall (no co-purchases)",
                        Recommender.Ranking.coPurchasesFirst(1), false, true),
                new Variant("popularity baseline: overall best sellers not yet bought",
                        Recommender.Ranking.coPurchasesFirst(1), false, false));
        List<Score> scores = variants.stream().map(variant -> new Score()).toList();
        int testCustomers = 0;
        for (Map.Entry<String, Set<String>> customer : new TreeMap<>(after).entrySet()) {
            List<Recommender.Purchase> history = training.histories().get(customer.getKey());
            if (history == null) {
                continue; // no history before the split: not a test customer
            }
            testCustomers++;
            Set<String> bought = before.get(customer.getKey());
            List<Recommender.Pair> pairs = new ArrayList<>();
            history.forEach(purchase -> pairs.addAll(training.pairs().getOrDefault(purchase.product(), List.of())));
            List<Recommender.Sales> regional = training.regionalBestSellers()
                    .getOrDefault(training.regions().get(customer.getKey()), List.of());
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                scores.get(v).add(Recommender.forCustomer(history, variant.coPurchases() ? pairs : List.of(),
                        training.bestSellers(), variant.region() ? regional : List.of(), k, variant.ranking()),
                        customer.getValue(), bought);
            }
        }
        Score served = scores.get(4);
        Score popularity = scores.get(scores.size() - 1);
        long products = train.stream().map(Line::product).distinct().count();
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "Split %s: training %,d lines (%,d orders, %,d customers, %,d "
                + "products), test %,d lines; %,d test customers (bought before and after the split), %,d of them "
                + "bought a product after it that they had not bought before.", split, train.size(),
                train.stream().map(Line::order).distinct().count(), before.size(), products, test.size(),
                testCustomers, served.customersWithNew));
        System.out.println();
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"ranking (serving's Recommender.forCustomer)", "hit rate@" + k,
                "hit rate@" + k + ", new products", "recall@" + k + ", new products"});
        for (int v = 0; v < variants.size(); v++) {
            table.add(row(variants.get(v).name(), scores.get(v)));
        }
        EndToEnd.printTable(table);
        System.out.println(String.format(Locale.ROOT, "Served (blended, 2+ orders) / popularity, hit rate@%d: %s.", k,
                popularity.hits == 0
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", (double) served.hits
                                / popularity.hits)));
    }

    private static String[] row(String name, Score score) {
        return new String[]{name, percent(score.hits, score.customers), percent(score.hitsNew,
                score.customersWithNew), percent(score.foundNew, score.truthNew)};
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%% (%,d/%,d)", 100.0 * part / whole, part, whole);
    }

    /** The counts the transform keeps, from the training lines. */
    static Training train(List<Line> lines) {
        // orders per customer and product
        Map<String, Map<String, Set<String>>> ordersOf = new HashMap<>();
        Map<String, Set<String>> productsOfOrder = new HashMap<>();
        Map<String, Map<String, Long>> regionLines = new HashMap<>();
        Map<String, String> regions = new HashMap<>();
        for (Line line : lines) {
            ordersOf.computeIfAbsent(line.customer(), c -> new HashMap<>())
                    .computeIfAbsent(line.product(), p -> new HashSet<>()).add(line.order());
            productsOfOrder.computeIfAbsent(line.order(), o -> new LinkedHashSet<>()).add(line.product());
            regionLines.computeIfAbsent(line.region(), r -> new HashMap<>()).merge(line.product(), 1L, Long::sum);
            regions.put(line.customer(), line.region()); // the region of the customer's latest line read
        }
        Map<String, List<Recommender.Purchase>> histories = new HashMap<>();
        Map<String, Long> productOrders = new HashMap<>();
        ordersOf.forEach((customer, products) -> {
            List<Recommender.Purchase> history = new ArrayList<>();
            products.forEach((product, orders) -> {
                history.add(new Recommender.Purchase(product, orders.size()));
                productOrders.merge(product, (long) orders.size(), Long::sum);
            });
            histories.put(customer, history);
        });
        Map<List<String>, Long> pairCounts = new HashMap<>();
        productsOfOrder.values().forEach(products -> {
            for (String a : products) {
                for (String b : products) {
                    if (!a.equals(b)) {
                        pairCounts.merge(List.of(a, b), 1L, Long::sum);
                    }
                }
            }
        });
        Map<String, List<Recommender.Pair>> pairs = new HashMap<>();
        pairCounts.forEach((pair, orders) -> pairs.computeIfAbsent(pair.get(0), p -> new ArrayList<>())
                .add(new Recommender.Pair(pair.get(0), pair.get(1), orders)));
        List<Recommender.Sales> bestSellers = ranked(productOrders, Recommender.Sales::overall);
        Map<String, List<Recommender.Sales>> regional = new HashMap<>();
        regionLines.forEach((region, counts) -> regional.put(region,
                ranked(counts, (product, count) -> Recommender.Sales.inRegion(product, count, region))));
        return new Training(histories, pairs, bestSellers, regional, regions);
    }

    private static List<Recommender.Sales> ranked(Map<String, Long> counts,
            BiFunction<String, Long, Recommender.Sales> sales) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> sales.apply(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static Map<String, Set<String>> products(List<Line> lines) {
        Map<String, Set<String>> products = new HashMap<>();
        lines.forEach(line -> products.computeIfAbsent(line.customer(), c -> new HashSet<>()).add(line.product()));
        return products;
    }

}
