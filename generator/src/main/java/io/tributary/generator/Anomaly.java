package io.tributary.generator;

import java.util.List;
import java.util.SplittableRandom;

enum Anomaly {
    UNPARSEABLE_ORDER_DATE,
    NON_NUMERIC_SALES,
    EMPTY_REGION,
    EMPTY_ORDER_ID,
    RAGGED_ROW;

    private static final int ORDER_ID = SalesColumns.STANDARD.indexOf(SalesColumns.ORDER_ID);
    private static final int ORDER_DATE = SalesColumns.STANDARD.indexOf(SalesColumns.ORDER_DATE);
    private static final int REGION = SalesColumns.STANDARD.indexOf(SalesColumns.REGION);
    private static final int SALES = SalesColumns.STANDARD.indexOf(SalesColumns.SALES);

    static Anomaly pick(SplittableRandom rng) {
        Anomaly[] all = values();
        return all[rng.nextInt(all.length)];
    }

    void apply(List<String> values, SplittableRandom rng) {
        switch (this) {
            case UNPARSEABLE_ORDER_DATE -> values.set(ORDER_DATE, badDate(values.get(ORDER_DATE), rng));
            case NON_NUMERIC_SALES -> values.set(SALES, rng.nextBoolean() ? "N/A" : values.get(SALES) + "." + rng.nextInt(10));
            case EMPTY_REGION -> values.set(REGION, "");
            case EMPTY_ORDER_ID -> values.set(ORDER_ID, "");
            // cut at Sales or before: a short CSV row, and a JSON record without its required Sales
            case RAGGED_ROW -> values.subList(SALES - rng.nextInt(4), values.size()).clear();
        }
    }

    private static String badDate(String date, SplittableRandom rng) {
        String year = date.substring(date.lastIndexOf('/') + 1);
        return switch (rng.nextInt(3)) {
            case 0 -> "13/45/" + year;
            case 1 -> "yesterday";
            default -> year + "-13-01";
        };
    }
}
