package io.tributary.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

final class Weighted<T> {

    private final List<T> items = new ArrayList<>();
    private long[] cumulative = new long[8];
    private long total;

    Weighted<T> add(T item, long weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
        if (items.size() == cumulative.length) {
            cumulative = Arrays.copyOf(cumulative, cumulative.length * 2);
        }
        total += weight;
        cumulative[items.size()] = total;
        items.add(item);
        return this;
    }

    T pick(SplittableRandom rng) {
        long ticket = rng.nextLong(total);
        int index = Arrays.binarySearch(cumulative, 0, items.size(), ticket);
        return items.get(index >= 0 ? index + 1 : -index - 1);
    }
}
