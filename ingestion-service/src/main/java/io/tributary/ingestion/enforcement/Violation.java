package io.tributary.ingestion.enforcement;

/**
 * Why a record cannot be accepted.
 *
 * @param field the contract property concerned, or null when the whole record is at fault
 * @param rule a stable rule name, e.g. {@code required}, {@code logicalType}, {@code row.fieldCount}
 */
public record Violation(String field, String rule, String value, String reason) {
}
