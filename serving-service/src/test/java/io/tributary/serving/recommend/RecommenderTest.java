package io.tributary.serving.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.serving.recommend.Recommender.Pair;
import io.tributary.serving.recommend.Recommender.Purchase;
import io.tributary.serving.recommend.Recommender.Recommendation;
import io.tributary.serving.recommend.Recommender.Sales;

class RecommenderTest {

    private static final List<Pair> PAIRS = List.of(
            new Pair("chair", "desk", 4), new Pair("chair", "lamp", 2), new Pair("chair", "rug", 1),
            new Pair("desk", "chair", 4), new Pair("desk", "lamp", 1), new Pair("desk", "shelf", 3),
            new Pair("lamp", "chair", 2), new Pair("lamp", "desk", 1));

    @Test
    void weightsCoPurchasesByHowOftenTheCustomerBoughtEachProduct() {
        // lamp: 3 orders of chair x 2 + 1 order of desk x 1 = 7; shelf: 1 x 3 = 3; rug: 3 x 1 = 3
        List<Recommendation> ranked = Recommender.forCustomer(
                List.of(new Purchase("chair", 3), new Purchase("desk", 1)), PAIRS, List.of(), 10);
        assertEquals(List.of(
                new Recommendation("lamp", 7, Recommendation.CO_PURCHASES, "bought together with chair in 2 orders"),
                new Recommendation("rug", 3, Recommendation.CO_PURCHASES, "bought together with chair in 1 order"),
                new Recommendation("shelf", 3, Recommendation.CO_PURCHASES, "bought together with desk in 3 orders")),
                ranked);
    }

    @Test
    void neverRecommendsWhatTheCustomerBought() {
        List<Recommendation> ranked = Recommender.forCustomer(List.of(new Purchase("chair", 1),
                new Purchase("lamp", 1)), PAIRS, List.of(Sales.overall("chair", 9), Sales.overall("lamp", 8)), 10);
        assertEquals(List.of("desk", "rug"), ranked.stream().map(Recommendation::product).toList());
    }

    @Test
    void fillsWithBestSellersTheCustomerHasNotBoughtAfterCoPurchases() {
        List<Recommendation> ranked = Recommender.forCustomer(List.of(new Purchase("desk", 1)), PAIRS,
                List.of(Sales.inRegion("desk", 9, "West"), Sales.inRegion("pen", 5, "West"), Sales.overall("shelf", 8),
                        Sales.overall("pen", 7), Sales.overall("ink", 2)),
                4);
        assertEquals(List.of(
                new Recommendation("chair", 4, Recommendation.CO_PURCHASES, "bought together with desk in 4 orders"),
                new Recommendation("shelf", 3, Recommendation.CO_PURCHASES, "bought together with desk in 3 orders"),
                new Recommendation("lamp", 1, Recommendation.CO_PURCHASES, "bought together with desk in 1 order"),
                new Recommendation("pen", 5, Recommendation.BEST_SELLER, "best seller in West: on 5 order lines")),
                ranked);
    }

    @Test
    void givesACustomerWithoutHistoryTheBestSellers() {
        List<Recommendation> ranked = Recommender.forCustomer(List.of(), PAIRS,
                List.of(Sales.overall("pen", 5), Sales.overall("ink", 1)), 10);
        assertEquals(List.of(new Recommendation("pen", 5, Recommendation.BEST_SELLER, "best seller: in 5 orders"),
                new Recommendation("ink", 1, Recommendation.BEST_SELLER, "best seller: in 1 order")), ranked);
    }

    @Test
    void keepsToTheLimit() {
        assertEquals(1, Recommender.forCustomer(List.of(new Purchase("chair", 3)), PAIRS,
                List.of(Sales.overall("pen", 5)), 1).size());
        assertEquals(List.of("desk"), Recommender.similar("chair", PAIRS, 1).stream()
                .map(Recommendation::product).toList());
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
