package io.tributary.serving.recommend;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tributary.serving.service.FeatureService;

/** Recommendations from a pipeline's features, ranked by {@link Recommender}. */
@ApplicationScoped
@Transactional
public class RecommendationService {

    private final FeatureService features;
    private final RecommendationRepository repository;

    public RecommendationService(FeatureService features, RecommendationRepository repository) {
        this.features = features;
        this.repository = repository;
    }

    /** Products the customer has not bought: those bought with theirs first, then best sellers. */
    public Recommendations forCustomer(String pipeline, String customer, String limit, String maxStaleness) {
        FeatureService.Read read = features.checked(pipeline, limit, maxStaleness);
        List<Recommender.Purchase> history = repository.history(pipeline, customer);
        List<Recommender.Pair> pairs = repository.pairs(pipeline,
                history.stream().map(Recommender.Purchase::product).toList());
        // enough best sellers to fill the answer even if the customer bought every one of the first
        List<Recommender.Sales> bestSellers = repository.bestSellers(pipeline, read.rows() + history.size());
        return new Recommendations(pipeline, customer, read.currentAsOf(),
                Recommender.forCustomer(history, pairs, bestSellers, read.rows()));
    }

    /** The products most often bought together with this one. */
    public Recommendations similar(String pipeline, String product, String limit, String maxStaleness) {
        FeatureService.Read read = features.checked(pipeline, limit, maxStaleness);
        return new Recommendations(pipeline, product, read.currentAsOf(),
                Recommender.similar(product, repository.pairs(pipeline, List.of(product)), read.rows()));
    }
}
