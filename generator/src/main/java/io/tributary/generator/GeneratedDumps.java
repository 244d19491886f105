package io.tributary.generator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

public record GeneratedDumps(DumpFormat format, List<DumpFile> files, long totalLines, long expectedAccepted,
        long expectedQuarantined, long expectedDuplicates, SortedMap<String, BigDecimal> salesByRegion,
        SortedMap<String, SortedMap<LocalDate, BigDecimal>> salesByRegionAndDate) {

    public GeneratedDumps {
        files = List.copyOf(files);
        salesByRegion = Collections.unmodifiableSortedMap(new TreeMap<>(salesByRegion));
        TreeMap<String, SortedMap<LocalDate, BigDecimal>> byDate = new TreeMap<>();
        salesByRegionAndDate.forEach(
                (region, dates) -> byDate.put(region, Collections.unmodifiableSortedMap(new TreeMap<>(dates))));
        salesByRegionAndDate = Collections.unmodifiableSortedMap(byDate);
    }

    public List<Path> paths() {
        return files.stream().map(DumpFile::path).toList();
    }

    public BigDecimal totalSales() {
        return salesByRegion.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String summary() {
        StringBuilder line = new StringBuilder()
                .append("files=").append(files.size())
                .append(" format=").append(format.extension())
                .append(" lines=").append(totalLines)
                .append(" accepted=").append(expectedAccepted)
                .append(" quarantined=").append(expectedQuarantined)
                .append(" duplicates=").append(expectedDuplicates)
                .append(" sales");
        salesByRegion.forEach((region, total) -> line.append(' ').append(region).append('=')
                .append(total.toPlainString()));
        return line.toString();
    }
}
