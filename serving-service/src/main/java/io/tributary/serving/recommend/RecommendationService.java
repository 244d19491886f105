package io.tributary.serving.recommend;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tributary.catalog.masking.Masking;
import io.tributary.serving.config.RecommendationsConfig;
import io.tributary.serving.repository.AggregateRepository;
import io.tributary.serving.repository.AggregateTable;
import io.tributary.serving.service.FeatureService;

/** Recommendations from a pipeline's features, ranked by {@link Recommender}. */
@ApplicationScoped
@Transactional
public class RecommendationService {

    private final FeatureService features;
    private final RecommendationRepository repository;
    private final AggregateRepository aggregates;
    private final RecommendationsConfig config;

    public RecommendationService(FeatureService features, RecommendationRepository repository,
            AggregateRepository aggregates, RecommendationsConfig config) {
        this.features = features;
        this.repository = repository;
        this.aggregates = aggregates;
        this.config = config;
    }

    /**
     * Products the customer has not bought: those bought with theirs first, then best sellers (or best sellers lifted
     * by what is bought with theirs, when co-purchases are blended).
     *
     * @param region the customer's region, or null when it is not known: a customer with no history gets its best
     *        sellers first; one with a history, the overall ones
     */
    public Recommendations forCustomer(String pipeline, String customer, String region, String limit,
            String maxStaleness) {
        FeatureService.Read read = features.checked(pipeline, limit, maxStaleness);
        Recommender.Ranking ranking = new Recommender.Ranking(config.blend(), config.minCoPurchases());
        List<Recommender.Purchase> history = repository.history(pipeline, customer);
        List<Recommender.Pair> pairs = repository.pairs(pipeline,
                history.stream().map(Recommender.Purchase::product).toList(), ranking.minCoPurchases());
        // enough best sellers to fill the answer even if the customer bought every one of the first
        int wanted = read.rows() + history.size();
        List<Recommender.Sales> bestSellers = repository.bestSellers(pipeline, wanted,
                ranking.blended() ? Recommender.reached(history, pairs, ranking) : Set.of());
        List<Recommender.Sales> regional = region == null || region.isBlank() || !history.isEmpty()
                ? List.of()
                : bestSellersIn(pipeline, region.strip(), wanted);
        return masked(read, new Recommendations(pipeline, customer, read.currentAsOf(),
                Recommender.forCustomer(history, pairs, bestSellers, regional, read.rows(), ranking)),
                read.customer(customer));
    }

    /**
     * The best sellers of a region, counted in the pipeline's aggregate; none when the aggregate is not split by the
     * region and product dimensions.
     */
    private List<Recommender.Sales> bestSellersIn(String pipeline, String region, int limit) {
        Optional<AggregateTable> aggregate = aggregates.find(pipeline);
        Optional<String> product = repository.productColumn(pipeline);
        if (aggregate.isEmpty() || product.isEmpty() || !aggregate.get().dimensions().contains(product.get())
                || !aggregate.get().dimensions().contains(config.regionDimension())) {
            return List.of();
        }
        return repository.bestSellersIn(aggregate.get(), product.get(), config.regionDimension(), region, limit);
    }

    /** The products most often bought together with this one. */
    public Recommendations similar(String pipeline, String product, String limit, String maxStaleness) {
        FeatureService.Read read = features.checked(pipeline, limit, maxStaleness);
        return masked(read, new Recommendations(pipeline, product, read.currentAsOf(),
                Recommender.similar(product, repository.pairs(pipeline, List.of(product), 1), read.rows())),
                read.product(product));
    }

    /**
     * The recommendations as the caller may see them: the subject as given, and where products are personal, each
     * product and the reason for it (which names the products it was bought with) masked.
     */
    private static Recommendations masked(FeatureService.Read read, Recommendations found, String subject) {
        List<Recommender.Recommendation> products = found.products();
        if (read.productHidden()) {
            products = products.stream().map(r -> new Recommender.Recommendation(read.product(r.product()),
                    r.score(), r.basis(), Masking.value(r.reason()))).toList();
        }
        return new Recommendations(found.pipeline(), subject, found.currentAsOf(), products);
    }
}
