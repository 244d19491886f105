package io.tributary.serving.training;

/**
 * Where a pipeline's order lines are and which of its fields say what, as its current version declares them.
 *
 * @param pipeline the pipeline, whose curated table holds one row per order line
 * @param customer the field naming the customer ({@code features.customer})
 * @param order the field naming the order ({@code features.order})
 * @param product the field naming the product ({@code features.product})
 * @param quantity the field holding the units of a line ({@code features.quantity}); null counts each line as one
 * @param eventTime the field holding when the order was placed ({@code eventTime}); null for the time it was accepted
 */
public record TrainingSetSource(String pipeline, String customer, String order, String product, String quantity,
        String eventTime) {
}
