package io.tributary.transform.features;

import java.math.BigDecimal;

/**
 * How a customer's purchase history of a product moves when rows are only added: orders and quantity grow by these
 * numbers, and the last purchase becomes {@code lastEvent} if it is later (as text of the event-time type).
 */
public record HistoryMove(long orders, BigDecimal quantity, String lastEvent) {
}
