package io.tributary.serving.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in recommender, item to item over the co-purchase counts the transform keeps (decision 0041). Pure: it
 * ranks the rows it is given.
 * <p>
 * A product the customer has not bought scores, for each product {@code p} they bought, the orders of theirs that held
 * {@code p} times the orders that held both {@code p} and it: products often bought with what the customer buys most
 * come first. Its reason names the product that gave it most of its score. The list is then filled with the best
 * sellers the customer has not bought, so that a customer with no history, or none that co-purchases reach, still gets
 * an answer; one whose region is known gets that region's best sellers first.
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
     * @param score higher first; co-purchase scores and best sellers' order counts are not comparable with each other,
     *        so {@code basis} says which one it is
     * @param basis {@code co-purchases} or {@code best seller}
     * @param reason why, in a sentence for the person who sees it
     */
    public record Recommendation(String product, long score, String basis, String reason) {

        public static final String CO_PURCHASES = "co-purchases";
        public static final String BEST_SELLER = "best seller";
    }

    /**
     * Products for a customer who bought {@code history}: those co-purchases reach first, then best sellers.
     *
     * @param pairs the co-purchase counts of the products in the history (others are ignored)
     * @param bestSellers most sold first (those of the customer's region, then overall); a product listed twice is
     *        recommended once, as listed first
     */
    public static List<Recommendation> forCustomer(List<Purchase> history, List<Pair> pairs, List<Sales> bestSellers,
            int limit) {
        Map<String, Long> bought = new HashMap<>();
        history.forEach(purchase -> bought.merge(purchase.product(), purchase.orders(), Long::sum));
        Map<String, Long> scores = new HashMap<>();
        Map<String, Pair> strongest = new HashMap<>();
        Map<String, Long> strongestShare = new HashMap<>();
        for (Pair pair : pairs) {
            Long weight = bought.get(pair.product());
            if (weight == null || bought.containsKey(pair.otherProduct()) || pair.orders() <= 0) {
                continue;
            }
            long share = Math.multiplyExact(weight, pair.orders());
            scores.merge(pair.otherProduct(), share, Math::addExact);
            Pair best = strongest.get(pair.otherProduct());
            long bestShare = strongestShare.getOrDefault(pair.otherProduct(), -1L);
            if (best == null || share > bestShare
                    || (share == bestShare && pair.product().compareTo(best.product()) < 0)) {
                strongest.put(pair.otherProduct(), pair);
                strongestShare.put(pair.otherProduct(), share);
            }
        }
        List<Recommendation> ranked = new ArrayList<>();
        scores.forEach((product, score) -> {
            Pair reason = strongest.get(product);
            ranked.add(new Recommendation(product, score, Recommendation.CO_PURCHASES,
                    "bought together with " + reason.product() + " in " + reason.orders() + " "
                            + orders(reason.orders())));
        });
        ranked.sort(RANK);
        List<Recommendation> answer = new ArrayList<>(ranked.subList(0, Math.min(limit, ranked.size())));
        Set<String> listed = new HashSet<>(bought.keySet());
        answer.forEach(recommendation -> listed.add(recommendation.product()));
        for (Sales sales : bestSellers) {
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
