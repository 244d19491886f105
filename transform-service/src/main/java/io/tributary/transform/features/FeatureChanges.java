package io.tributary.transform.features;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.tributary.transform.curated.CuratedRow;
import io.tributary.transform.curated.Sql;
import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.PipelineDefinition;

/**
 * What a set of row changes does to the recommender's features: the orders whose co-purchases move, and how each
 * customer's purchase history of a product moves. Both are worked out from the rows each order held before the
 * changes, read once, rather than by reading the curated rows again afterwards.
 */
public final class FeatureChanges {

    private final Set<String> orders = new HashSet<>();
    /** Per order line, how many curated rows the changes add (or, below zero, remove). */
    private final Map<OrderLine, Long> lines = new HashMap<>();
    private final Map<List<String>, History> histories = new HashMap<>();
    private final CompiledPipeline pipeline;
    private final PipelineDefinition.Features features;

    public FeatureChanges(CompiledPipeline pipeline) {
        this.pipeline = pipeline;
        this.features = pipeline.definition().features();
    }

    /** What the changed rows of a customer's product do to their history. */
    private static final class History {
        BigDecimal quantity = BigDecimal.ZERO;
        Comparable<Object> lastAdded;
        boolean removed;
    }

    /** The orders whose lines the changes touch. */
    public Set<String> orders() {
        return orders;
    }

    public boolean isEmpty() {
        return orders.isEmpty() && histories.isEmpty();
    }

    @SuppressWarnings("unchecked")
    public void move(CuratedRow row, int sign) {
        Map<String, Object> values = row.values();
        String order = Sql.text(values.get(features.order()));
        String customer = Sql.text(values.get(features.customer()));
        String product = Sql.text(values.get(features.product()));
        if (order != null) {
            orders.add(order);
            if (product != null) {
                lines.merge(new OrderLine(order, customer, product), (long) sign, Long::sum);
            }
        }
        if (customer != null && product != null) {
            History history = histories.computeIfAbsent(List.of(customer, product), k -> new History());
            history.quantity = history.quantity.add(quantity(values).multiply(BigDecimal.valueOf(sign)));
            if (sign < 0) {
                history.removed = true;
            } else {
                Object event = pipeline.definition().eventTime() == null
                        ? row.acceptedAt()
                        : values.get(pipeline.definition().eventTime());
                if (event != null && (history.lastAdded == null || history.lastAdded.compareTo(event) < 0)) {
                    history.lastAdded = (Comparable<Object>) event;
                }
            }
        }
    }

    private BigDecimal quantity(Map<String, Object> values) {
        if (features.quantity() == null) {
            return BigDecimal.ONE;
        }
        Object quantity = FieldType.DECIMAL.coerce(values.get(features.quantity()));
        return quantity == null ? BigDecimal.ZERO : (BigDecimal) quantity;
    }

    /**
     * Whether the features can be moved from the order lines before: the text this class makes of the order, customer
     * and product values must be PostgreSQL's, which it is for every type but timestamps.
     */
    public boolean worksFromLinesBefore() {
        return List.of(features.order(), features.customer(), features.product()).stream()
                .noneMatch(field -> pipeline.output().get(field) == FieldType.TIMESTAMP);
    }

    /** The distinct products of each changed order once the changes are made, from its lines before. */
    public Map<String, Set<String>> productsAfter(Map<OrderLine, Long> before) {
        Map<OrderLine, Long> after = new HashMap<>(before);
        lines.forEach((line, change) -> after.merge(line, change, Long::sum));
        return products(after);
    }

    /** The distinct products of each order among these lines. */
    public static Map<String, Set<String>> products(Map<OrderLine, Long> lines) {
        Map<String, Set<String>> products = new HashMap<>();
        lines.forEach((line, count) -> {
            if (count > 0) {
                products.computeIfAbsent(line.order(), o -> new HashSet<>()).add(line.product());
            }
        });
        return products;
    }

    /**
     * The histories that only gained rows, and how they move. An order counts once a customer's product has its first
     * row in it; the last purchase can only become later.
     */
    public SortedMap<List<String>, HistoryMove> historyMoves(Map<OrderLine, Long> before) {
        Map<List<String>, Long> newOrders = new HashMap<>();
        lines.forEach((line, change) -> {
            if (line.customer() != null && before.getOrDefault(line, 0L) == 0 && change > 0) {
                newOrders.merge(List.of(line.customer(), line.product()), 1L, Long::sum);
            }
        });
        SortedMap<List<String>, HistoryMove> moves = new TreeMap<>(FeatureChanges::compare);
        histories.forEach((key, history) -> {
            if (!history.removed) {
                moves.put(key, new HistoryMove(newOrders.getOrDefault(key, 0L), history.quantity,
                        Sql.text(history.lastAdded)));
            }
        });
        return moves;
    }

    /** The histories to compute again from the rows: a row of theirs went, so their last purchase may be earlier. */
    public Set<List<String>> historiesToRefresh(boolean all) {
        Set<List<String>> refresh = new HashSet<>();
        histories.forEach((key, history) -> {
            if (all || history.removed) {
                refresh.add(key);
            }
        });
        return refresh;
    }

    /** How many more (or fewer) orders hold each ordered pair of products, from the products before and after. */
    public static SortedMap<List<String>, Long> coPurchases(Map<String, Set<String>> before,
            Map<String, Set<String>> after) {
        SortedMap<List<String>, Long> pairs = new TreeMap<>(FeatureChanges::compare);
        Set<String> orders = new HashSet<>(before.keySet());
        orders.addAll(after.keySet());
        for (String order : orders) {
            Set<String> was = before.getOrDefault(order, Set.of());
            Set<String> is = after.getOrDefault(order, Set.of());
            count(pairs, is, was, 1);
            count(pairs, was, is, -1);
        }
        return pairs;
    }

    /** Counts each pair of {@code products} that is not also a pair of {@code other}. */
    private static void count(SortedMap<List<String>, Long> pairs, Set<String> products, Set<String> other,
            long sign) {
        for (String a : products) {
            for (String b : products) {
                if (!a.equals(b) && !(other.contains(a) && other.contains(b))) {
                    pairs.merge(List.of(a, b), sign, Long::sum);
                }
            }
        }
    }

    private static int compare(List<String> a, List<String> b) {
        int first = a.get(0).compareTo(b.get(0));
        return first != 0 ? first : a.get(1).compareTo(b.get(1));
    }
}
