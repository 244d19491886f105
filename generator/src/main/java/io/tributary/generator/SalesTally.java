package io.tributary.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

final class SalesTally {

    private final SortedMap<String, BigDecimal> byRegion = new TreeMap<>();
    private final SortedMap<String, SortedMap<LocalDate, BigDecimal>> byRegionAndDate = new TreeMap<>();

    void add(String region, LocalDate date, BigDecimal sales) {
        byRegion.merge(region, sales, BigDecimal::add);
        byRegionAndDate.computeIfAbsent(region, r -> new TreeMap<>()).merge(date, sales, BigDecimal::add);
    }

    SortedMap<String, BigDecimal> byRegion() {
        return byRegion;
    }

    SortedMap<String, SortedMap<LocalDate, BigDecimal>> byRegionAndDate() {
        return byRegionAndDate;
    }
}
