package io.tributary.serving.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in recommender, item to item over the co-purchase counts the transform keeps, ahead of the best sellers
 * or blended with them (decision 0041). Pure: it ranks the rows it is given.
 * <p>
 * A pair of products trusted as bought together ({@link Ranking#minCoPurchases} orders or more) gives each product
 * {@code q} the customer has not bought, for each product {@code p} they bought, the orders of theirs that held
 * {@code p} times the orders that held both: products often bought with what the customer buys most gain most. In the
 * {@linkplain Ranking#blended() blended} ranking that gain is added to the product's orders over all customers, so a
 * co-purchase lifts a product among the best sellers rather than displacing them; in the other (served by default),
 * co-purchases come first and the best sellers fill the rest. A customer with no history gets the best sellers, of
 * their region first when it is known.
 */
public final class Recommender {

    private static final Comparator<Recommendation> RANK = Comparator.comparingLong(Recommendation::score)
            .reversed().thenComparing(Recommendation::product);

    private Recommender() {
    }

    /** What one customer bought of one product: in how many orders. */
    public record Purchase(String product, long orders) {
    }

    /** How many orders held both products. */
    public record Pair(String product, String otherProduct, long orders) {
    }

    /**
     * A best seller.
     *
     * @param count how many orders, or order lines, held it
     * @param reason what the count is and where it was taken
     */
    public record Sales(String product, long count, String reason) {

        /** A product held by {@code orders} orders over all customers. */
        public static Sales overall(String product, long orders) {
            return new Sales(product, orders, "best seller: in " + orders + " " + orders(orders));
        }

        /** A product on {@code lines} order lines of a region. */
        public static Sales inRegion(String product, long lines, String region) {
            return new Sales(product, lines, "best seller in " + region + ": on " + lines + " order "
                    + (lines == 1 ? "line" : "lines"));
        }
    }

    /**
     * A product to recommend.
     *
     * @param score higher first; in the blended ranking, orders over all customers plus what co-purchases add; in the
     *        other, co-purchase scores and best sellers' counts are not comparable with each other, so {@code basis}
     *        says which one it is
     * @param basis {@code co-purchases} (co-purchases added to its score) or {@code best seller}
     * @param reason why, in a sentence for the person who sees it
     */
    public record Recommendation(String product, long score, String basis, String reason) {

        public static final String CO_PURCHASES = "co-purchases";
        public static final String BEST_SELLER = "best seller";
    }

    /**
     * How co-purchases and best sellers combine.
     *
     * @param blended co-purchases add to a product's orders over all customers (true), or rank ahead of every best
     *        seller (false)
     * @param minCoPurchases the fewest orders holding a pair for it to count; pairs seen in fewer are chance
     */
    public record Ranking(boolean blended, int minCoPurchases) {

        public Ranking {
            if (minCoPurchases < 1) {
                throw new IllegalArgumentException("minCoPurchases must be at least 1, not " + minCoPurchases);
            }
        }

        /** Co-purchases of pairs in {@code minCoPurchases} orders or more, added to popularity. */
        public static Ranking blended(int minCoPurchases) {
            return new Ranking(true, minCoPurchases);
        }

        /** Co-purchases of pairs in {@code minCoPurchases} orders or more, ahead of the best sellers. */
        public static Ranking coPurchasesFirst(int minCoPurchases) {
            return new Ranking(false, minCoPurchases);
        }
    }

    /** What the trusted co-purchases add to one product, and the pair that added most. */
    private record Gain(long score, Pair strongest, long strongestShare) {

        Gain add(Pair pair, long share) {
            boolean stronger = strongest == null || share > strongestShare
                    || (share == strongestShare && pair.product().compareTo(strongest.product()) < 0);
            return new Gain(Math.addExact(score, share), stronger ? pair : strongest,
                    stronger ? share : strongestShare);
        }

        String reason() {
            return "bought together with " + strongest.product() + " in " + strongest.orders() + " "
                    + orders(strongest.orders());
        }
    }

    /**
     * The products the trusted co-purchases of this history reach that the customer has not bought: those whose orders
     * over all customers the blended ranking needs.
     */
    public static Set<String> reached(List<Purchase> history, List<Pair> pairs, Ranking ranking) {
        return gains(history, pairs, ranking).keySet();
    }

    /**
     * Products for a customer who bought {@code history}.
     *
     * @param pairs the co-purchase counts of the products in the history (others are ignored)
     * @param bestSellers most orders over all customers first; in the blended ranking it must also hold every product
     *        {@link #reached} names (one missing counts no orders of its own)
     * @param regionalBestSellers most sold in the customer's region first, or none when it is not known: for a customer
     *        with no history, and in the co-purchases-first ranking, these come before the overall ones
     */
    public static List<Recommendation> forCustomer(List<Purchase> history, List<Pair> pairs,
            List<Sales> bestSellers, List<Sales> regionalBestSellers, int limit, Ranking ranking) {
        Set<String> bought = new HashSet<>();
        history.forEach(purchase -> bought.add(purchase.product()));
        Map<String, Gain> gains = gains(history, pairs, ranking);
        List<Recommendation> answer = new ArrayList<>();
        if (!history.isEmpty() && ranking.blended()) {
            Map<String, Recommendation> ranked = new HashMap<>();
            for (Sales sales : bestSellers) {
                if (!bought.contains(sales.product()) && !ranked.containsKey(sales.product())) {
                    Gain gain = gains.get(sales.product());
                    ranked.put(sales.product(), gain == null
                            ? new Recommendation(sales.product(), sales.count(), Recommendation.BEST_SELLER,
                                    sales.reason())
                            : new Recommendation(sales.product(), Math.addExact(sales.count(), gain.score()),
                                    Recommendation.CO_PURCHASES, gain.reason() + ", and in " + sales.count() + " "
                                            + orders(sales.count()) + " in all"));
                }
            }
            gains.forEach((product, gain) -> ranked.putIfAbsent(product, new Recommendation(product, gain.score(),
                    Recommendation.CO_PURCHASES, gain.reason())));
            answer.addAll(ranked.values());
            answer.sort(RANK);
            return List.copyOf(answer.subList(0, Math.min(limit, answer.size())));
        }
        gains.forEach((product, gain) -> answer.add(new Recommendation(product, gain.score(),
                Recommendation.CO_PURCHASES, gain.reason())));
        answer.sort(RANK);
        answer.subList(Math.min(limit, answer.size()), answer.size()).clear();
        Set<String> listed = new HashSet<>(bought);
        answer.forEach(recommendation -> listed.add(recommendation.product()));
        List<Sales> fill = new ArrayList<>(regionalBestSellers);
        fill.addAll(bestSellers);
        for (Sales sales : fill) {
            if (answer.size() >= limit) {
                break;
            }
            if (listed.add(sales.product())) {
                answer.add(new Recommendation(sales.product(), sales.count(), Recommendation.BEST_SELLER,
                        sales.reason()));
            }
        }
        return answer;
    }

    /** What the trusted pairs add to each product the customer has not bought. */
    private static Map<String, Gain> gains(List<Purchase> history, List<Pair> pairs, Ranking ranking) {
        Map<String, Long> bought = new HashMap<>();
        history.forEach(purchase -> bought.merge(purchase.product(), purchase.orders(), Long::sum));
        Map<String, Gain> gains = new HashMap<>();
        for (Pair pair : pairs) {
            Long weight = bought.get(pair.product());
            if (weight == null || bought.containsKey(pair.otherProduct())
                    || pair.orders() < ranking.minCoPurchases()) {
                continue;
            }
            gains.merge(pair.otherProduct(), new Gain(0, null, 0).add(pair, Math.multiplyExact(weight, pair.orders())),
                    (old, added) -> old.add(added.strongest(), added.score()));
        }
        return gains;
    }

    /** The products most often in the same order as {@code product}. */
    public static List<Recommendation> similar(String product, List<Pair> pairs, int limit) {
        return pairs.stream()
                .filter(pair -> pair.product().equals(product) && !pair.otherProduct().equals(product)
                        && pair.orders() > 0)
                .map(pair -> new Recommendation(pair.otherProduct(), pair.orders(), Recommendation.CO_PURCHASES,
                        "bought together with " + product + " in " + pair.orders() + " " + orders(pair.orders())))
                .sorted(RANK)
                .limit(limit)
                .toList();
    }

    private static String orders(long count) {
        return count == 1 ? "order" : "orders";
    }
}
