package io.tributary.generator;

import java.math.BigDecimal;

record Product(String id, String category, String subCategory, String name, BigDecimal unitPrice,
        BigDecimal costRatio) {
}
