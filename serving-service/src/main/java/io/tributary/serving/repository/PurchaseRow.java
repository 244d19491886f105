package io.tributary.serving.repository;

import java.math.BigDecimal;

/**
 * A customer's purchases of one product.
 *
 * @param orders how many orders held it
 * @param quantity how much was bought in all
 * @param lastEvent the event time of the latest order line, as PostgreSQL writes it (a date or an instant)
 */
public record PurchaseRow(String product, long orders, BigDecimal quantity, String lastEvent) {
}
