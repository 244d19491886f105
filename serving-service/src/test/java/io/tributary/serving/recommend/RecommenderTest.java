package io.tributary.serving.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tributary.serving.recommend.Recommender.Pair;
import io.tributary.serving.recommend.Recommender.Purchase;
import io.tributary.serving.recommend.Recommender.Ranking;
import io.tributary.serving.recommend.Recommender.Recommendation;
import io.tributary.serving.recommend.Recommender.Sales;

class RecommenderTest {

    private static final List<Pair> PAIRS = List.of(
            new Pair("chair", "desk", 4), new Pair("chair", "lamp", 2), new Pair("chair", "rug", 1),
            new Pair("desk", "chair", 4), new Pair("desk", "lamp", 1), new Pair("desk", "shelf", 3),
            new Pair("lamp", "chair", 2), new Pair("lamp", "desk", 1));

    private static final Ranking EVERY_PAIR_FIRST = Ranking.coPurchasesFirst(1);

    /** Overall best sellers of {@link #PAIRS}'s products and others: pen 9, rug 7, shelf 6, lamp 5, ink 4, desk 3. */
    private static final List<Sales> BEST_SELLERS = List.of(Sales.overall("pen", 9), Sales.overall("rug", 7),
            Sales.overall("shelf", 6), Sales.overall("lamp", 5), Sales.overall("ink", 4), Sales.overall("desk", 3));

    @Test
    void weightsCoPurchasesByHowOftenTheCustomerBoughtEachProduct() {
        // lamp: 3 orders of chair x 2 + 1 order of desk x 1 = 7; shelf: 1 x 3 = 3; rug: 3 x 1 = 3
        List<Recommendation> ranked = Recommender.forCustomer(
                List.of(new Purchase("chair", 3), new Purchase("desk", 1)), PAIRS, List.of(), List.of(), 10,
                EVERY_PAIR_FIRST);
        assertEquals(List.of(
                new Recommendation("lamp", 7, Recommendation.CO_PURCHASES, "bought together with chair in 2 orders"),
                new Recommendation("rug", 3, Recommendation.CO_PURCHASES, "bought together with chair in 1 order"),
                new Recommendation("shelf", 3, Recommendation.CO_PURCHASES, "bought together with desk in 3 orders")),
                ranked);
    }

    @Test
    void neverRecommendsWhatTheCustomerBought() {
        List<Purchase> history = List.of(new Purchase("chair", 1), new Purchase("lamp", 1));
        List<Sales> bestSellers = List.of(Sales.overall("chair", 9), Sales.overall("lamp", 8),
                Sales.overall("desk", 1), Sales.overall("rug", 1));
        for (Ranking ranking : List.of(EVERY_PAIR_FIRST, Ranking.blended(1), Ranking.blended(2))) {
            assertEquals(List.of("desk", "rug"), Recommender.forCustomer(history, PAIRS, bestSellers, List.of(), 10,
                    ranking).stream().map(Recommendation::product).toList(), ranking.toString());
        }
    }

    @Test
    void fillsWithTheRegionsThenTheOverallBestSellersAfterCoPurchasesRankedFirst() {
        List<Recommendation> ranked = Recommender.forCustomer(List.of(new Purchase("desk", 1)), PAIRS,
                List.of(Sales.overall("shelf", 8), Sales.overall("pen", 7), Sales.overall("ink", 2)),
                List.of(Sales.inRegion("desk", 9, "West"), Sales.inRegion("pen", 5, "West")), 4, EVERY_PAIR_FIRST);
        assertEquals(List.of(
                new Recommendation("chair", 4, Recommendation.CO_PURCHASES, "bought together with desk in 4 orders"),
                new Recommendation("shelf", 3, Recommendation.CO_PURCHASES, "bought together with desk in 3 orders"),
                new Recommendation("lamp", 1, Recommendation.CO_PURCHASES, "bought together with desk in 1 order"),
                new Recommendation("pen", 5, Recommendation.BEST_SELLER, "best seller in West: on 5 order lines")),
                ranked);
    }

    @Test
    void countsOnlyPairsBoughtTogetherInAtLeastTheMinimumOfOrders() {
        // desk's pairs: chair 4, shelf 3, lamp 1; with a minimum of 3 orders lamp is not reached
        List<Recommendation> ranked = Recommender.forCustomer(List.of(new Purchase("desk", 1)), PAIRS,
                List.of(Sales.overall("pen", 9)), List.of(), 10, Ranking.coPurchasesFirst(3));
        assertEquals(List.of("chair", "shelf", "pen"), ranked.stream().map(Recommendation::product).toList());
        assertEquals(Set.of("chair", "shelf"),
                Recommender.reached(List.of(new Purchase("desk", 1)), PAIRS, Ranking.blended(3)));
    }

    @Test
    void blendedRankingAddsTrustedCoPurchasesToTheOrdersOfEachProduct() {
        // chair x2 reaches desk (2 x 4 = 8) and lamp (2 x 2 = 4), not rug (1 order only):
        // desk 3 + 8 = 11, pen 9, rug 7, shelf 6, lamp 5 + 4 = 9
        List<Recommendation> ranked = Recommender.forCustomer(List.of(new Purchase("chair", 2)), PAIRS,
                BEST_SELLERS, List.of(Sales.inRegion("ink", 50, "West")), 4, Ranking.blended(2));
        assertEquals(List.of(
                new Recommendation("desk", 11, Recommendation.CO_PURCHASES,
                        "bought together with chair in 4 orders, and in 3 orders in all"),
                new Recommendation("lamp", 9, Recommendation.CO_PURCHASES,
                        "bought together with chair in 2 orders, and in 5 orders in all"),
                new Recommendation("pen", 9, Recommendation.BEST_SELLER, "best seller: in 9 orders"),
                new Recommendation("rug", 7, Recommendation.BEST_SELLER, "best seller: in 7 orders")),
                ranked);
    }

    @Test
    void blendedRankingWithoutTrustedCoPurchasesIsTheOverallBestSellersNotBought() {
        // rug is bought with chair in 1 order only: below the minimum, so the answer is popularity alone
        List<Recommendation> ranked = Recommender.forCustomer(List.of(new Purchase("shelf", 1)),
                List.of(new Pair("shelf", "ink", 1)), BEST_SELLERS, List.of(), 3, Ranking.blended(2));
        assertEquals(List.of(new Recommendation("pen", 9, Recommendation.BEST_SELLER, "best seller: in 9 orders"),
                new Recommendation("rug", 7, Recommendation.BEST_SELLER, "best seller: in 7 orders"),
                new Recommendation("lamp", 5, Recommendation.BEST_SELLER, "best seller: in 5 orders")), ranked);
    }

    @Test
    void blendedRankingKeepsAReachedProductMissingFromTheBestSellersWithItsCoPurchasesAlone() {
        List<Recommendation> ranked = Recommender.forCustomer(List.of(new Purchase("desk", 1)), PAIRS,
                List.of(Sales.overall("pen", 1)), List.of(), 10, Ranking.blended(3));
        assertEquals(List.of(
                new Recommendation("chair", 4, Recommendation.CO_PURCHASES, "bought together with desk in 4 orders"),
                new Recommendation("shelf", 3, Recommendation.CO_PURCHASES, "bought together with desk in 3 orders"),
                new Recommendation("pen", 1, Recommendation.BEST_SELLER, "best seller: in 1 order")), ranked);
    }

    @Test
    void givesACustomerWithoutHistoryTheBestSellersOfTheirRegionThenOverall() {
        for (Ranking ranking : List.of(EVERY_PAIR_FIRST, Ranking.blended(2))) {
            List<Recommendation> ranked = Recommender.forCustomer(List.of(), PAIRS,
                    List.of(Sales.overall("pen", 5), Sales.overall("ink", 1)), List.of(Sales.inRegion("ink", 3,
                            "West")),
                    10, ranking);
            assertEquals(List.of(
                    new Recommendation("ink", 3, Recommendation.BEST_SELLER, "best seller in West: on 3 order lines"),
                    new Recommendation("pen", 5, Recommendation.BEST_SELLER, "best seller: in 5 orders")), ranked);
        }
    }

    @Test
    void keepsToTheLimit() {
        assertEquals(1, Recommender.forCustomer(List.of(new Purchase("chair", 3)), PAIRS,
                List.of(Sales.overall("pen", 5)), List.of(), 1, EVERY_PAIR_FIRST).size());
        assertEquals(1, Recommender.forCustomer(List.of(new Purchase("chair", 3)), PAIRS, BEST_SELLERS, List.of(), 1,
                Ranking.blended(2)).size());
        assertEquals(List.of("desk"), Recommender.similar("chair", PAIRS, 1).stream()
                .map(Recommendation::product).toList());
    }

    @Test
    void refusesAMinimumOfCoPurchasesBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> Ranking.blended(0));
    }

    @Test
    void ranksSimilarProductsByOrdersTogetherThenName() {
        List<Pair> pairs = List.of(new Pair("chair", "rug", 2), new Pair("chair", "desk", 4),
                new Pair("chair", "lamp", 2), new Pair("desk", "shelf", 9));
        assertEquals(List.of(
                new Recommendation("desk", 4, Recommendation.CO_PURCHASES, "bought together with chair in 4 orders"),
                new Recommendation("lamp", 2, Recommendation.CO_PURCHASES, "bought together with chair in 2 orders"),
                new Recommendation("rug", 2, Recommendation.CO_PURCHASES, "bought together with chair in 2 orders")),
                Recommender.similar("chair", pairs, 10));
    }
}
