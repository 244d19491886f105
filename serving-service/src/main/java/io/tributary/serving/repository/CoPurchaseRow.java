package io.tributary.serving.repository;

/** Another product, and how many orders held it together with the one asked about. */
public record CoPurchaseRow(String product, long orders) {
}
