package io.tributary.serving.service;

import java.util.List;

import io.tributary.serving.repository.CoPurchaseRow;

/** The products most often in the same order as one product. */
public record CoPurchases(String pipeline, String product, List<CoPurchaseRow> boughtWith) {
}
