package io.tributary.serving.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tributary.catalog.name.PipelineName;
import io.tributary.catalog.problem.ProblemException;
import io.tributary.serving.repository.FeatureRepository;

/** The recommender's features: a customer's purchase history, and what is bought with a product. */
@ApplicationScoped
public class FeatureService {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 1000;

    private final FeatureRepository features;

    public FeatureService(FeatureRepository features) {
        this.features = features;
    }

    public PurchaseHistory purchases(String pipeline, String customer, String limit) {
        int rows = checked(pipeline, limit);
        return new PurchaseHistory(pipeline, customer, features.purchases(pipeline, customer, rows));
    }

    public CoPurchases boughtWith(String pipeline, String product, String limit) {
        int rows = checked(pipeline, limit);
        return new CoPurchases(pipeline, product, features.boughtWith(pipeline, product, rows));
    }

    /** The number of rows asked for; the pipeline must keep features. */
    private int checked(String pipeline, String limit) {
        int rows = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                rows = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                rows = -1;
            }
            if (rows < 1 || rows > MAX_LIMIT) {
                throw MetricsQuery.invalid(List.of("query parameter 'limit': '" + limit
                        + "' is not a whole number between 1 and " + MAX_LIMIT));
            }
        }
        if (!PipelineName.RULE.accepts(pipeline) || !features.hasFeatures(pipeline)) {
            throw new ProblemException(Response.Status.NOT_FOUND,
                    "pipeline '" + pipeline + "' keeps no recommender features",
                    List.of("path parameter 'pipeline': declare features (customer, order, product) on the pipeline"));
        }
        return rows;
    }
}
