package io.tributary.serving.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.curated.CuratedTables;
import io.tributary.catalog.masking.Masking;
import io.tributary.catalog.masking.PersonalColumns;
import io.tributary.catalog.name.PipelineName;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.catalog.repository.FreshnessRepository;
import io.tributary.serving.masking.Masks;
import io.tributary.serving.repository.CoPurchaseRow;
import io.tributary.serving.repository.FeatureRepository;
import io.tributary.serving.repository.PurchaseRow;
import io.tributary.serving.training.TrainingSetRepository;
import io.tributary.serving.training.TrainingSetSource;

/** The recommender's features: a customer's purchase history, and what is bought with a product. */
@ApplicationScoped
@Transactional
public class FeatureService {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 1000;

    private final FeatureRepository features;
    private final FreshnessRepository freshness;
    private final Masks masks;
    private final TrainingSetRepository trainingSets;

    public FeatureService(FeatureRepository features, FreshnessRepository freshness, Masks masks,
            TrainingSetRepository trainingSets) {
        this.features = features;
        this.freshness = freshness;
        this.masks = masks;
        this.trainingSets = trainingSets;
    }

    public PurchaseHistory purchases(String pipeline, String customer, String limit, String maxStaleness) {
        Read read = checked(pipeline, limit, maxStaleness);
        return new PurchaseHistory(pipeline, read.customer(customer), read.currentAsOf(),
                features.purchases(pipeline, customer, read.rows()).stream()
                        .map(row -> new PurchaseRow(read.product(row.product()), row.orders(), row.quantity(),
                                row.lastEvent()))
                        .toList());
    }

    public CoPurchases boughtWith(String pipeline, String product, String limit, String maxStaleness) {
        Read read = checked(pipeline, limit, maxStaleness);
        return new CoPurchases(pipeline, read.product(product), read.currentAsOf(),
                features.boughtWith(pipeline, product, read.rows()).stream()
                        .map(row -> new CoPurchaseRow(read.product(row.product()), row.orders()))
                        .toList());
    }

    /**
     * How many rows to read, and how current they are: the pipeline must keep features, and they must be as recent
     * as the request asks.
     *
     * @throws ProblemException 400 naming each bad parameter, 404 without features, 503 when they are too old
     */
    public Read checked(String pipeline, String limit, String maxStaleness) {
        List<String> problems = new ArrayList<>();
        int rows = limit(limit, problems);
        Duration bound = Staleness.parse(maxStaleness, problems);
        if (!problems.isEmpty()) {
            throw MetricsQuery.invalid(problems);
        }
        if (!PipelineName.RULE.accepts(pipeline) || !features.hasFeatures(pipeline)) {
            throw new ProblemException(Response.Status.NOT_FOUND,
                    "pipeline '" + pipeline + "' keeps no recommender features",
                    List.of("path parameter 'pipeline': declare features (customer, order, product) on the pipeline"));
        }
        // Read before the rows: the rows are then at least as current as the watermark claims.
        Instant currentAsOf = freshness.findByTable(CuratedTables.freshnessKey(pipeline))
                .map(watermark -> watermark.currentAsOf)
                .orElse(null);
        Staleness.require(pipeline, bound, currentAsOf, Instant.now());
        PersonalColumns hidden = masks.forCaller(pipeline);
        Optional<TrainingSetSource> fields = hidden.isEmpty() ? Optional.empty() : trainingSets.source(pipeline);
        return new Read(rows, currentAsOf,
                fields.map(f -> hidden.contains(f.customer())).orElse(hidden.all()),
                fields.map(f -> hidden.contains(f.product())).orElse(hidden.all()));
    }

    /** The number of rows asked for, or the default. */
    private static int limit(String limit, List<String> problems) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int rows;
        try {
            rows = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            rows = -1;
        }
        if (rows < 1 || rows > MAX_LIMIT) {
            problems.add("query parameter 'limit': '" + limit + "' is not a whole number between 1 and " + MAX_LIMIT);
        }
        return rows;
    }

    /**
     * A checked feature read.
     *
     * @param rows the most rows to answer with
     * @param currentAsOf the pipeline's watermark, or null when it never wrote data
     * @param customerHidden whether customers are masked for the caller: the pipeline's customer field is personal
     * @param productHidden whether products are masked for the caller: the pipeline's product field is personal
     */
    public record Read(int rows, Instant currentAsOf, boolean customerHidden, boolean productHidden) {

        /** A customer as the caller may see it. */
        public String customer(String customer) {
            return customerHidden ? Masking.value(customer) : customer;
        }

        /** A product as the caller may see it. */
        public String product(String product) {
            return productHidden ? Masking.value(product) : product;
        }
    }
}
