package io.tributary.transform.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.tributary.transform.pipeline.CompiledPipeline;
import io.tributary.transform.pipeline.FieldType;
import io.tributary.transform.pipeline.PipelineDefinition;
import io.tributary.transform.repository.AggregateCell;
import io.tributary.transform.repository.AggregateChange;
import io.tributary.transform.repository.AggregateRepository;
import io.tributary.transform.repository.CuratedRow;

/**
 * What a set of row changes does to a pipeline's aggregate (the difference per cell) and which orders and
 * customer purchases the recommender's features must look at again.
 */
final class Changes {

    private static final long BUCKET = Long.parseLong(AggregateRepository.BUCKET_SECONDS);

    final SortedMap<AggregateCell, AggregateChange> cells = new TreeMap<>();
    final Set<String> orders = new HashSet<>();
    /** Per order, how many curated rows of each product the changes add (or, below zero, remove). */
    private final Map<String, Map<String, Long>> orderLines = new HashMap<>();
    final Set<List<String>> histories = new HashSet<>();
    private final CompiledPipeline pipeline;

    Changes(CompiledPipeline pipeline) {
        this.pipeline = pipeline;
    }

    void remove(CuratedRow row) {
        move(row, -1, false);
    }

    void add(CuratedRow row, boolean late) {
        move(row, 1, late);
    }

    private void move(CuratedRow row, int sign, boolean late) {
        PipelineDefinition.Aggregate aggregate = pipeline.definition().aggregate();
        Map<String, Object> values = row.values();
        if (aggregate != null && values.get(pipeline.definition().eventTime()) != null) {
            List<String> dimensions = new ArrayList<>();
            aggregate.dimensions().forEach(d -> dimensions.add(values.get(d) == null ? "" : text(values.get(d))));
            AggregateCell cell = new AggregateCell(bucket(values.get(pipeline.definition().eventTime())), dimensions);
            BigDecimal[] measures = aggregate.measures().stream()
                    .map(m -> (BigDecimal) FieldType.DECIMAL.coerce(values.get(m))).toArray(BigDecimal[]::new);
            AggregateChange change = cells.computeIfAbsent(cell, c -> new AggregateChange(measures.length));
            change.add(sign, measures);
            if (late) {
                change.markRestated();
            }
        }
        PipelineDefinition.Features features = pipeline.definition().features();
        if (features != null) {
            Object order = values.get(features.order());
            Object product = values.get(features.product());
            if (order != null) {
                orders.add(text(order));
                if (product != null) {
                    orderLines.computeIfAbsent(text(order), o -> new HashMap<>()).merge(text(product), (long) sign,
                            Long::sum);
                }
            }
            Object customer = values.get(features.customer());
            if (customer != null && product != null) {
                histories.add(List.of(text(customer), text(product)));
            }
        }
    }

    /**
     * Whether the products of each order after the changes can be computed from those before, without reading them
     * again: the text this class makes of the order and product values must be PostgreSQL's. It is for every type but
     * timestamps.
     */
    boolean knowsProductsAfter() {
        PipelineDefinition.Features features = pipeline.definition().features();
        return pipeline.output().get(features.order()) != FieldType.TIMESTAMP
                && pipeline.output().get(features.product()) != FieldType.TIMESTAMP;
    }

    /** The distinct products of each changed order once the changes are made, from each product's rows before. */
    Map<String, Set<String>> productsAfter(Map<String, Map<String, Long>> before) {
        Map<String, Set<String>> after = new HashMap<>();
        for (String order : orders) {
            Map<String, Long> lines = new HashMap<>(before.getOrDefault(order, Map.of()));
            orderLines.getOrDefault(order, Map.of()).forEach((product, change) -> lines.merge(product, change,
                    Long::sum));
            lines.forEach((product, count) -> {
                if (count > 0) {
                    after.computeIfAbsent(order, o -> new HashSet<>()).add(product);
                }
            });
        }
        return after;
    }

    /** The distinct products of each order, from each product's rows. */
    static Map<String, Set<String>> products(Map<String, Map<String, Long>> lines) {
        Map<String, Set<String>> products = new HashMap<>();
        lines.forEach((order, counts) -> products.put(order, counts.keySet()));
        return products;
    }

    /** The event time as an instant: a date counts from its start, in UTC. */
    static Instant eventInstant(CompiledPipeline pipeline, CuratedRow row) {
        Object time = pipeline.definition().eventTime() == null
                ? null
                : row.values().get(pipeline.definition().eventTime());
        return time instanceof LocalDate date ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : (Instant) time;
    }

    private static String bucket(Object time) {
        if (time instanceof LocalDate date) {
            return date.toString();
        }
        long seconds = ((Instant) time).getEpochSecond();
        return Instant.ofEpochSecond(Math.floorDiv(seconds, BUCKET) * BUCKET).toString();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** How many more (or fewer) orders hold each ordered pair of products, from the products before and after. */
    static SortedMap<List<String>, Long> coPurchases(Map<String, Set<String>> before,
            Map<String, Set<String>> after) {
        SortedMap<List<String>, Long> pairs = new TreeMap<>((a, b) -> {
            int first = a.get(0).compareTo(b.get(0));
            return first != 0 ? first : a.get(1).compareTo(b.get(1));
        });
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
}
