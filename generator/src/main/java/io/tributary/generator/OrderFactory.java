package io.tributary.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

final class OrderFactory {

    private record ShipMode(String name, int minDays, int maxDays) {
    }

    private static final int ID_SPACE = 900_000;
    private static final long ID_MULTIPLIER = 370_373L;

    private static final Weighted<ShipMode> SHIP_MODES = new Weighted<ShipMode>()
            .add(new ShipMode("Standard Class", 4, 7), 60)
            .add(new ShipMode("Second Class", 2, 5), 19)
            .add(new ShipMode("First Class", 1, 3), 15)
            .add(new ShipMode("Same Day", 0, 0), 6);

    private static final Weighted<String> ORDER_PREFIXES = new Weighted<String>().add("CA", 83).add("US", 17);

    private static final Weighted<Integer> ORDER_SIZES = new Weighted<Integer>()
            .add(1, 35).add(2, 27).add(3, 18).add(4, 12).add(5, 8);

    private static final Weighted<Integer> QUANTITIES = new Weighted<Integer>()
            .add(1, 9).add(2, 24).add(3, 24).add(4, 12).add(5, 12).add(6, 6).add(7, 6)
            .add(8, 3).add(9, 3).add(10, 1).add(11, 1).add(12, 1).add(13, 1).add(14, 1);

    private static final Weighted<String> DISCOUNTS = new Weighted<String>()
            .add("0", 48).add("0.1", 4).add("0.2", 36).add("0.3", 3).add("0.45", 1).add("0.5", 2)
            .add("0.7", 4).add("0.8", 3);

    private final SplittableRandom rng;
    private final long idOffset;
    private final Map<Integer, Long> nextSequenceByYear = new HashMap<>();

    OrderFactory(SplittableRandom rng) {
        this.rng = rng;
        this.idOffset = rng.nextLong(ID_SPACE);
    }

    int orderSize() {
        return ORDER_SIZES.pick(rng);
    }

    List<SalesLine> order(LocalDate date, int lines) {
        String orderId = orderId(date);
        ShipMode shipMode = SHIP_MODES.pick(rng);
        LocalDate shipDate = date.plusDays(shipMode.minDays() + rng.nextInt(shipMode.maxDays() - shipMode.minDays() + 1));
        Customer customer = CustomerPool.instance().pick(rng);
        Place place = Geography.pick(rng);
        List<SalesLine> order = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            Product product = ProductCatalog.instance().pick(rng);
            int quantity = QUANTITIES.pick(rng);
            String discount = DISCOUNTS.pick(rng);
            BigDecimal units = BigDecimal.valueOf(quantity);
            BigDecimal sales = product.unitPrice().multiply(units).multiply(BigDecimal.ONE.subtract(new BigDecimal(discount)));
            BigDecimal cost = product.unitPrice().multiply(product.costRatio()).multiply(units);
            order.add(new SalesLine(orderId, date, shipDate, shipMode.name(), customer, place, product, sales,
                    quantity, discount, plain(sales.subtract(cost))));
        }
        return order;
    }

    private String orderId(LocalDate date) {
        long sequence = nextSequenceByYear.merge(date.getYear(), 1L, Long::sum) - 1;
        long number = sequence < ID_SPACE
                ? 100_000 + (sequence * ID_MULTIPLIER + idOffset) % ID_SPACE
                : 1_000_000 + sequence;
        return ORDER_PREFIXES.pick(rng) + "-" + date.getYear() + "-" + number;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
