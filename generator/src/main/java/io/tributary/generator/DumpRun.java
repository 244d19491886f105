package io.tributary.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

final class DumpRun {

    private record PendingDuplicate(long dueAt, long sequence, String text) {
    }

    private static final Comparator<PendingDuplicate> BY_DUE = Comparator.comparingLong(PendingDuplicate::dueAt)
            .thenComparingLong(PendingDuplicate::sequence);
    private static final int MAX_DUPLICATE_DELAY = 40;

    private static final Weighted<String> CHANNELS = new Weighted<String>()
            .add("Web", 45).add("Store", 35).add("Phone", 10).add("Marketplace", 10);

    private final GeneratorOptions options;
    private final DumpFormat format;
    private final Path dir;
    private final SplittableRandom rng;
    private final SplittableRandom channelRng;
    private final OrderFactory orders;
    private final SalesTally tally = new SalesTally();
    private long rowId;
    private long duplicateSequence;

    DumpRun(GeneratorOptions options, DumpFormat format, Path dir) {
        this.options = options;
        this.rowId = options.firstRowId() - 1;
        this.format = format;
        this.dir = dir;
        this.rng = new SplittableRandom(options.seed());
        this.channelRng = rng.split();
        this.orders = new OrderFactory(rng);
    }

    GeneratedDumps run() throws IOException {
        Files.createDirectories(dir);
        List<DayPlan> plans = DayPlan.plan(options, rng);
        List<DumpFile> files = new ArrayList<>(plans.size());
        for (int day = 0; day < plans.size(); day++) {
            DayPlan plan = plans.get(day);
            List<String> columns = options.columnsOn(day);
            Path path = dir.resolve(SalesDumpGenerator.fileName(plan.date(), format));
            try (Writer out = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16)) {
                writeDay(out, plan, columns);
            }
            files.add(new DumpFile(path, plan.date(), columns, plan.valid() + plan.anomalies() + plan.duplicates(),
                    plan.valid(), plan.anomalies(), plan.duplicates()));
        }
        long accepted = plans.stream().mapToLong(DayPlan::valid).sum();
        long quarantined = plans.stream().mapToLong(DayPlan::anomalies).sum();
        long duplicates = plans.stream().mapToLong(DayPlan::duplicates).sum();
        return new GeneratedDumps(format, files, accepted + quarantined + duplicates, accepted, quarantined,
                duplicates, tally.byRegion(), tally.byRegionAndDate());
    }

    private void writeDay(Writer out, DayPlan plan, List<String> columns) throws IOException {
        LineEncoder encoder = format.encoder();
        boolean withChannel = columns.contains(SalesColumns.CHANNEL);
        Optional<String> header = encoder.header(columns);
        if (header.isPresent()) {
            out.write(header.get());
        }
        long validLeft = plan.valid();
        long anomaliesLeft = plan.anomalies();
        long duplicatesLeft = plan.duplicates();
        Deque<SalesLine> order = new ArrayDeque<>();
        PriorityQueue<PendingDuplicate> pending = new PriorityQueue<>(BY_DUE);
        long emitted = 0;
        while (validLeft + anomaliesLeft > 0) {
            if (rng.nextLong(validLeft + anomaliesLeft) < anomaliesLeft) {
                anomaliesLeft--;
                List<String> values = row(orders.order(plan.date(), 1).get(0), withChannel);
                Anomaly.pick(rng).apply(values, rng);
                out.write(encoder.encode(columns, values));
            } else {
                if (order.isEmpty()) {
                    order.addAll(orders.order(plan.date(), (int) Math.min(orders.orderSize(), validLeft)));
                }
                SalesLine line = order.poll();
                String text = encoder.encode(columns, row(line, withChannel));
                out.write(text);
                tally.add(line.place().region(), line.orderDate(), line.sales());
                if (rng.nextLong(validLeft) < duplicatesLeft) {
                    duplicatesLeft--;
                    pending.add(new PendingDuplicate(emitted + rng.nextInt(MAX_DUPLICATE_DELAY), duplicateSequence++,
                            text));
                }
                validLeft--;
            }
            emitted++;
            while (!pending.isEmpty() && pending.peek().dueAt() < emitted) {
                out.write(pending.poll().text());
            }
        }
        while (!pending.isEmpty()) {
            out.write(pending.poll().text());
        }
    }

    private List<String> row(SalesLine line, boolean withChannel) {
        List<String> values = line.values(++rowId);
        if (withChannel) {
            values.add(CHANNELS.pick(channelRng));
        }
        return values;
    }
}
