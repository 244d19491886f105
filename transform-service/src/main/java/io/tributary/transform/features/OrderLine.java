package io.tributary.transform.features;

/**
 * A kind of curated row of the recommender's features: an order's product, bought by a customer (null when the row
 * names none), as text.
 */
public record OrderLine(String order, String customer, String product) {
}
