package io.tributary.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * answers with, not a copy), with its settings or its best-seller list varied:
 * <ul>
 * <li>co-purchases ahead of the best sellers (as first built, with the region's best sellers or without; every pair
 * or pairs in 2+ orders only: {@link #SERVED}), and co-purchases blended with popularity (every pair, or pairs in 2+
 * orders);</li>
 * <li>the region's, or the customer's segment's, best sellers, then the overall ones;</li>
 * <li>recency: the best sellers of the last 6 or 12 months before the split instead of all time;</li>
 * <li>sub-category back-off, which serving does not have (its features carry no category): each product's orders
 * weighted up by how often the sub-categories the customer bought were bought with the product's sub-category, or
 * by the customer's own share of orders in the product's sub-category; given to the function as the customer's own
 * best-seller list;</li>
 * <li>the <b>popularity</b> baseline: the overall best sellers the customer has not bought, i.e. the same function
 * given no co-purchase pairs and no region.</li>
 * </ul>
 * A customer is a hit when one of the top 10 is a product they bought after the split. Every ranking leaves out what
 * the customer already bought, so the figures are also given over the products bought after the split that the
 * customer had not bought before ("new products"), the only ones any of them can hit. Beside each ranking, the test
 * customers it hit and popularity missed, and the reverse, with the two-sided sign test's p of that difference.
 * <p>
 * Last, whether a customer's history says anything about what they buy next at all, whatever the ranking: the mean
 * log-likelihood of the sub-category of each test line under the training's sub-category shares mixed with the
 * customer's own shares at a weight of 0 to 0.2 (the best weight above 0 means the history carries signal), and how
 * many test lines repeat a product the customer bought before, beside what popularity alone would make of them.
 * <p>
 * With {@code --planted share}, the same measure also runs on a control: the superstore's orders, customers and dates
 * with a known dependence put into the products bought. Products are paired at random (a fixed seed), and each line of
 * a customer who has bought something before it (in an earlier order or on an earlier line of the same one) buys, with
 * the given probability, the partner of one of those products taken at random instead of its own; at 0 it is the file.
 * It shows how strong a dependence must be before the served ranking beats popularity, and that the report sees it.
 * <p>
 * Usage: {@code run-recommender-hit-rate.sh [--data ../shared/data/superstore/superstore.csv] [--split 2018-01-01]
 * [--k 10] [--planted 0.2]}; several {@code --split} and {@code --planted} may be given.
 */
public final class RecommenderHitRate {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

    /** The weights of the customer's own sub-category shares the signal check mixes in. */
    private static final double[] OWN_WEIGHTS = {0, 0.05, 0.1, 0.2};

    /** The seed of the control's pairing of products and choices, so that a control is the same in every run. */
    private static final long PLANTED_SEED = 41;

    /** One order line of the superstore data. */
    record Line(String order, LocalDate date, String customer, String region, String segment, String product,
            String subCategory) {
    }

    /** The counts serving ranks with, taken from the training lines, and those the other rankings need. */
    record Training(Map<String, List<Recommender.Purchase>> histories, Map<String, List<Recommender.Pair>> pairs,
            List<Recommender.Sales> bestSellers, Map<String, List<Recommender.Sales>> regionalBestSellers,
            Map<String, String> regions, Map<String, List<Recommender.Sales>> segmentBestSellers,
            Map<String, String> segments, Map<Integer, List<Recommender.Sales>> recentBestSellers,
            SubCategories subCategories) {
    }

    /**
     * Sub-category counts of the training lines: each product's sub-category, the orders holding each sub-category and
     * each pair of them, and each customer's orders per sub-category (an order of two products of one sub-category
     * counting twice, as the customer's orders per product do).
     */
    record SubCategories(Map<String, String> of, Map<String, Long> orders, Map<String, Map<String, Long>> pairs,
            Map<String, Map<String, Long>> customers) {

        /**
         * How often the sub-categories this customer bought were bought in the same order as each other sub-category:
         * over the customer's sub-categories {@code a} (weighted by their orders in it), the share of orders holding
         * {@code a} that also held it; from 0 to 1.
         */
        Map<String, Double> boughtWith(String customer) {
            Map<String, Long> own = customers.getOrDefault(customer, Map.of());
            long total = own.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> affinity = new HashMap<>();
            own.forEach((a, n) -> pairs.getOrDefault(a, Map.of()).forEach((b, both) -> affinity.merge(b,
                    (double) n / total * both / orders.get(a), Double::sum)));
            return affinity;
        }

        /** The customer's share of their orders in each sub-category; from 0 to 1. */
        Map<String, Double> share(String customer) {
            Map<String, Long> own = customers.getOrDefault(customer, Map.of());
            long total = own.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> share = new HashMap<>();
            own.forEach((a, n) -> share.put(a, (double) n / total));
            return share;
        }
    }

    /** The ranking serving answers with by default (its configuration's defaults). */
    static final Recommender.Ranking SERVED = Recommender.Ranking.coPurchasesFirst(2);

    /** What one ranking is given for one customer. */
    record Inputs(List<Recommender.Pair> pairs, List<Recommender.Sales> bestSellers,
            List<Recommender.Sales> regionalBestSellers) {
    }

    /** One ranking measured: serving's function with these settings, given these inputs for a customer. */
    record Variant(String name, Recommender.Ranking ranking, BiFunction<String, List<Recommender.Pair>, Inputs> inputs) {
    }

    /** Hits of one ranking over the test customers. */
    static final class Score {
        int customers;
        int hits;
        int hitsNew;
        int customersWithNew;
        long truthNew;
        long foundNew;
        final Set<String> hitCustomers = new HashSet<>();

        void add(String customer, List<Recommender.Recommendation> ranked, Set<String> after, Set<String> before) {
            Set<String> top = new HashSet<>();
            ranked.forEach(recommendation -> top.add(recommendation.product()));
            customers++;
            if (after.stream().anyMatch(top::contains)) {
                hits++;
                hitCustomers.add(customer);
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
        List<Double> planted = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--split" -> splits.add(LocalDate.parse(args[++i]));
                case "--k" -> k = Integer.parseInt(args[++i]);
                case "--planted" -> planted.add(Double.parseDouble(args[++i]));
                case "-h", "--help" -> {
                    System.out.println("usage: run-recommender-hit-rate.sh [--data superstore.csv] "
                            + "[--split YYYY-MM-DD]... [--k 10] [--planted share]...");
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
        for (double share : planted) {
            List<Line> control = planted(lines, share, new Random(PLANTED_SEED));
            long moved = 0;
            for (int i = 0; i < lines.size(); i++) {
                moved += control.get(i).product().equals(lines.get(i).product()) ? 0 : 1;
            }
            System.out.println();
            System.out.println(String.format(Locale.ROOT, "## Control: a planted dependence, share %s (%,d of %,d "
                    + "lines bought the partner of an earlier purchase of their customer)", share, moved,
                    lines.size()));
            for (LocalDate split : splits) {
                evaluate(control, split, k);
            }
        }
    }

    /**
     * The lines with a planted dependence: products paired at random; each line of a customer who bought something
     * before it buys, with probability {@code share}, the partner of one of those products taken at random.
     */
    static List<Line> planted(List<Line> lines, double share, Random random) {
        List<String> products = new ArrayList<>(new TreeSet<>(lines.stream().map(Line::product).toList()));
        Map<String, String> subCategoryOf = new HashMap<>();
        lines.forEach(line -> subCategoryOf.putIfAbsent(line.product(), line.subCategory()));
        Collections.shuffle(products, random);
        Map<String, String> partner = new HashMap<>();
        for (int i = 0; i + 1 < products.size(); i += 2) {
            partner.put(products.get(i), products.get(i + 1));
            partner.put(products.get(i + 1), products.get(i));
        }
        List<Integer> byDate = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byDate.add(i);
        }
        byDate.sort(Comparator.comparing((Integer i) -> lines.get(i).date()).thenComparing(i -> lines.get(i).order())
                .thenComparing(i -> i));
        Map<String, List<String>> bought = new HashMap<>();
        Line[] planted = new Line[lines.size()];
        for (int i : byDate) {
            Line line = lines.get(i);
            List<String> before = bought.computeIfAbsent(line.customer(), c -> new ArrayList<>());
            String product = line.product();
            if (!before.isEmpty() && random.nextDouble() < share) {
                product = partner.getOrDefault(before.get(random.nextInt(before.size())), product);
            }
            planted[i] = new Line(line.order(), line.date(), line.customer(), line.region(), line.segment(),
                    product, subCategoryOf.get(product));
            before.add(product);
        }
        return List.of(planted);
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
            int segment = header.indexOf("Segment");
            int product = header.indexOf("Product ID");
            int subCategory = header.indexOf("Sub-Category");
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (record.getFieldCount() != header.size()) {
                    break;
                }
                lines.add(new Line(record.getField(order), LocalDate.parse(record.getField(date), US_DATE),
                        record.getField(customer), record.getField(region), record.getField(segment),
                        record.getField(product), record.getField(subCategory)));
            }
        }
        return lines;
    }

    static void evaluate(List<Line> lines, LocalDate split, int k) {
        List<Line> train = lines.stream().filter(line -> line.date().isBefore(split)).toList();
        List<Line> test = lines.stream().filter(line -> !line.date().isBefore(split)).toList();
        Training training = train(train, split);
        Map<String, Set<String>> after = products(test);
        Map<String, Set<String>> before = products(train);

        List<Variant> variants = variants(training);
        int served = 2;
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
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                Inputs inputs = variant.inputs().apply(customer.getKey(), pairs);
                scores.get(v).add(customer.getKey(), Recommender.forCustomer(history, inputs.pairs(),
                        inputs.bestSellers(), inputs.regionalBestSellers(), k, variant.ranking()),
                        customer.getValue(), bought);
            }
        }
        Score popularity = scores.get(scores.size() - 1);
        long products = train.stream().map(Line::product).distinct().count();
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "Split %s: training %,d lines (%,d orders, %,d customers, %,d "
                + "products), test %,d lines; %,d test customers (bought before and after the split), %,d of them "
                + "bought a product after it that they had not bought before.", split, train.size(),
                train.stream().map(Line::order).distinct().count(), before.size(), products, test.size(),
                testCustomers, scores.get(served).customersWithNew));
        System.out.println();
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"ranking (serving's Recommender.forCustomer)", "hit rate@" + k,
                "hit rate@" + k + ", new products", "recall@" + k + ", new products",
                "customers hit, not by popularity / by popularity, not by it", "sign test p"});
        for (int v = 0; v < variants.size(); v++) {
            table.add(row(variants.get(v).name(), scores.get(v), popularity));
        }
        EndToEnd.printTable(table);
        System.out.println(String.format(Locale.ROOT, "Served (co-purchases in 2+ orders first) / popularity, hit "
                + "rate@%d: %s.", k,
                popularity.hits == 0
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", (double) scores.get(served).hits
                                / popularity.hits)));
        signal(train, test, training, split);
    }

    /** The rankings measured, popularity last. */
    static List<Variant> variants(Training training) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("as first built (0041): every co-purchase first, then region's and overall best "
                + "sellers", Recommender.Ranking.coPurchasesFirst(1),
                (customer, pairs) -> new Inputs(pairs,
                        training.bestSellers(), regional(training, customer))));
        variants.add(new Variant("every co-purchase first, then overall best sellers",
                Recommender.Ranking.coPurchasesFirst(1),
                (customer, pairs) -> new Inputs(pairs, training.bestSellers(), List.of())));
        variants.add(new Variant("co-purchases in 2+ orders first, then overall best sellers (served)", SERVED,
                (customer, pairs) -> new Inputs(pairs, training.bestSellers(), List.of())));
        variants.add(new Variant("blended: every co-purchase added to the orders over all customers",
                Recommender.Ranking.blended(1),
                (customer, pairs) -> new Inputs(pairs, training.bestSellers(), List.of())));
        variants.add(new Variant("blended: co-purchases in 2+ orders added to the orders over all customers",
                Recommender.Ranking.blended(2), (customer, pairs) -> new Inputs(pairs, training.bestSellers(), List.of())));
        variants.add(new Variant("region's best sellers, then overall (no co-purchases)",
                Recommender.Ranking.coPurchasesFirst(1),
                (customer, pairs) -> new Inputs(List.of(), training.bestSellers(), regional(training, customer))));
        variants.add(new Variant("segment's best sellers, then overall (no co-purchases)",
                Recommender.Ranking.coPurchasesFirst(1), (customer, pairs) -> new Inputs(List.of(),
                        training.bestSellers(), training.segmentBestSellers()
                                .getOrDefault(training.segments().get(customer), List.of()))));
        for (int months : training.recentBestSellers().keySet()) {
            variants.add(new Variant("recency: best sellers of the last " + months + " months before the split",
                    Recommender.Ranking.coPurchasesFirst(1), (customer, pairs) -> new Inputs(List.of(),
                            training.recentBestSellers().get(months), List.of())));
        }
        for (double weight : new double[]{0.25, 0.5, 1}) {
            variants.add(new Variant("sub-category back-off: orders x (1 + " + weight + " x how often the customer's "
                    + "sub-categories were bought with the product's)", Recommender.Ranking.coPurchasesFirst(1),
                    (customer, pairs) -> new Inputs(List.of(), weighted(training, training.subCategories()
                            .boughtWith(customer), weight), List.of())));
        }
        for (double weight : new double[]{0.25, 0.5, 1}) {
            variants.add(new Variant("own sub-categories: orders x (1 + " + weight + " x the customer's share of "
                    + "orders in the product's sub-category)", Recommender.Ranking.coPurchasesFirst(1),
                    (customer, pairs) -> new Inputs(List.of(), weighted(training, training.subCategories()
                            .share(customer), weight), List.of())));
        }
        variants.add(new Variant("popularity baseline: overall best sellers not yet bought",
                Recommender.Ranking.coPurchasesFirst(1),
                (customer, pairs) -> new Inputs(List.of(), training.bestSellers(), List.of())));
        return variants;
    }

    private static List<Recommender.Sales> regional(Training training, String customer) {
        return training.regionalBestSellers().getOrDefault(training.regions().get(customer), List.of());
    }

    /**
     * The overall best sellers, each product's orders multiplied by 1 + weight x its sub-category's factor, ranked
     * again (the count kept in thousandths, so that the function's order is the weighted one).
     */
    private static List<Recommender.Sales> weighted(Training training, Map<String, Double> factors, double weight) {
        Map<String, Long> counts = new HashMap<>();
        training.bestSellers().forEach(sales -> counts.put(sales.product(), Math.round(1000 * sales.count()
                * (1 + weight * factors.getOrDefault(training.subCategories().of().get(sales.product()), 0.0)))));
        return ranked(counts, Recommender.Sales::overall);
    }

    private static String[] row(String name, Score score, Score popularity) {
        Set<String> won = new HashSet<>(score.hitCustomers);
        won.removeAll(popularity.hitCustomers);
        Set<String> lost = new HashSet<>(popularity.hitCustomers);
        lost.removeAll(score.hitCustomers);
        return new String[]{name, percent(score.hits, score.customers), percent(score.hitsNew,
                score.customersWithNew), percent(score.foundNew, score.truthNew),
                "+" + won.size() + " / -" + lost.size(),
                String.format(Locale.ROOT, "%.2f", signTest(won.size(), lost.size()))};
    }

    /** Two-sided exact sign test: the chance of a split at least this uneven of {@code a + b} fair coin tosses. */
    static double signTest(int a, int b) {
        int n = a + b;
        int low = Math.min(a, b);
        double tail = 0;
        double term = Math.pow(0.5, n); // C(n, 0) / 2^n
        for (int i = 0; i <= low; i++) {
            tail += term;
            term = term * (n - i) / (i + 1);
        }
        return Math.min(1, 2 * tail);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%% (%,d/%,d)", 100.0 * part / whole, part, whole);
    }

    /**
     * Whether a customer's history tells anything of what they buy after the split: the mean log-likelihood of the
     * sub-category of each test line (of the test customers) under the training's shares mixed with the customer's
     * own, and the test lines that repeat a product the customer bought before.
     */
    static void signal(List<Line> train, List<Line> test, Training training, LocalDate split) {
        Map<String, Long> shares = new HashMap<>();
        train.forEach(line -> shares.merge(line.subCategory(), 1L, Long::sum));
        Map<String, Map<String, Long>> own = new HashMap<>();
        Map<String, Set<String>> bought = products(train);
        train.forEach(line -> own.computeIfAbsent(line.customer(), c -> new HashMap<>())
                .merge(line.subCategory(), 1L, Long::sum));
        Map<String, Long> productLines = new HashMap<>();
        train.forEach(line -> productLines.merge(line.product(), 1L, Long::sum));
        double[] logLikelihood = new double[OWN_WEIGHTS.length];
        int count = 0;
        int repeats = 0;
        double expectedRepeats = 0;
        for (Line line : test) {
            Map<String, Long> theirs = own.get(line.customer());
            if (theirs == null) {
                continue;
            }
            count++;
            long theirTotal = theirs.values().stream().mapToLong(Long::longValue).sum();
            for (int w = 0; w < OWN_WEIGHTS.length; w++) {
                double p = (1 - OWN_WEIGHTS[w]) * shares.getOrDefault(line.subCategory(), 0L) / train.size()
                        + OWN_WEIGHTS[w] * theirs.getOrDefault(line.subCategory(), 0L) / theirTotal;
                logLikelihood[w] += Math.log(Math.max(p, 1e-9));
            }
            Set<String> before = bought.get(line.customer());
            repeats += before.contains(line.product()) ? 1 : 0;
            expectedRepeats += before.stream().mapToLong(product -> productLines.getOrDefault(product, 0L)).sum()
                    / (double) train.size();
        }
        StringBuilder weights = new StringBuilder();
        for (int w = 0; w < OWN_WEIGHTS.length; w++) {
            weights.append(w == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s: %.4f", OWN_WEIGHTS[w],
                    count == 0 ? Double.NaN : logLikelihood[w] / count));
        }
        System.out.println(String.format(Locale.ROOT, "Signal in the histories, split %s, %,d test lines of the test "
                + "customers: mean log-likelihood of each line's sub-category, by the weight of the customer's own "
                + "sub-category shares mixed with the overall ones: %s (higher is better). Lines repeating a product "
                + "the customer bought before: %,d, where popularity alone would make %.1f.", split, count, weights,
                repeats, expectedRepeats));
    }

    /** The counts the transform keeps, from the training lines, and those the other rankings need. */
    static Training train(List<Line> lines, LocalDate split) {
        // orders per customer and product
        Map<String, Map<String, Set<String>>> ordersOf = new HashMap<>();
        Map<String, Set<String>> productsOfOrder = new HashMap<>();
        Map<String, Map<String, Long>> regionLines = new HashMap<>();
        Map<String, Map<String, Long>> segmentLines = new HashMap<>();
        Map<String, String> regions = new HashMap<>();
        Map<String, String> segments = new HashMap<>();
        Map<String, String> subCategoryOf = new HashMap<>();
        Map<String, Set<String>> subCategoriesOfOrder = new HashMap<>();
        for (Line line : lines) {
            ordersOf.computeIfAbsent(line.customer(), c -> new HashMap<>())
                    .computeIfAbsent(line.product(), p -> new HashSet<>()).add(line.order());
            productsOfOrder.computeIfAbsent(line.order(), o -> new LinkedHashSet<>()).add(line.product());
            regionLines.computeIfAbsent(line.region(), r -> new HashMap<>()).merge(line.product(), 1L, Long::sum);
            segmentLines.computeIfAbsent(line.segment(), s -> new HashMap<>()).merge(line.product(), 1L, Long::sum);
            regions.put(line.customer(), line.region()); // the region of the customer's latest line read
            segments.put(line.customer(), line.segment());
            subCategoryOf.put(line.product(), line.subCategory());
            subCategoriesOfOrder.computeIfAbsent(line.order(), o -> new HashSet<>()).add(line.subCategory());
        }
        Map<String, List<Recommender.Purchase>> histories = new HashMap<>();
        Map<String, Long> productOrders = new HashMap<>();
        Map<String, Map<String, Long>> customerSubCategories = new HashMap<>();
        ordersOf.forEach((customer, products) -> {
            List<Recommender.Purchase> history = new ArrayList<>();
            products.forEach((product, orders) -> {
                history.add(new Recommender.Purchase(product, orders.size()));
                productOrders.merge(product, (long) orders.size(), Long::sum);
                customerSubCategories.computeIfAbsent(customer, c -> new HashMap<>())
                        .merge(subCategoryOf.get(product), (long) orders.size(), Long::sum);
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
        Map<String, Long> subCategoryOrders = new HashMap<>();
        Map<String, Map<String, Long>> subCategoryPairs = new HashMap<>();
        subCategoriesOfOrder.values().forEach(subCategories -> {
            for (String a : subCategories) {
                subCategoryOrders.merge(a, 1L, Long::sum);
                for (String b : subCategories) {
                    if (!a.equals(b)) {
                        subCategoryPairs.computeIfAbsent(a, s -> new HashMap<>()).merge(b, 1L, Long::sum);
                    }
                }
            }
        });
        List<Recommender.Sales> bestSellers = ranked(productOrders, Recommender.Sales::overall);
        Map<String, List<Recommender.Sales>> regional = new HashMap<>();
        regionLines.forEach((region, counts) -> regional.put(region,
                ranked(counts, (product, count) -> Recommender.Sales.inRegion(product, count, region))));
        Map<String, List<Recommender.Sales>> bySegment = new HashMap<>();
        segmentLines.forEach((segment, counts) -> bySegment.put(segment,
                ranked(counts, (product, count) -> Recommender.Sales.inRegion(product, count, segment))));
        Map<Integer, List<Recommender.Sales>> recent = new TreeMap<>();
        for (int months : new int[]{6, 12}) {
            LocalDate from = split.minusMonths(months);
            Map<String, Set<String>> orders = new HashMap<>();
            lines.stream().filter(line -> !line.date().isBefore(from)).forEach(line -> orders
                    .computeIfAbsent(line.product(), p -> new HashSet<>()).add(line.order()));
            Map<String, Long> counts = new HashMap<>();
            orders.forEach((product, held) -> counts.put(product, (long) held.size()));
            recent.put(months, ranked(counts, Recommender.Sales::overall));
        }
        return new Training(histories, pairs, bestSellers, regional, regions, bySegment, segments, recent,
                new SubCategories(subCategoryOf, subCategoryOrders, subCategoryPairs, customerSubCategories));
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
