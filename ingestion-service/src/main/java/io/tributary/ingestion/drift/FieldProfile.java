package io.tributary.ingestion.drift;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the values of one field looked like: the evidence a person weighs when a column seems to have been renamed
 * (are these the same kind of values as before?). Made from a sample of non-empty values; profiles of the same field in
 * later batches merge into one.
 *
 * @param sampled how many non-empty values the largest sample held
 * @param distinct how many of them were distinct
 * @param numbers how many of them read as decimal numbers
 * @param min the least of those numbers, or null when none did
 * @param max the greatest of those numbers, or null when none did
 * @param minLength the length of the shortest value, in chars
 * @param maxLength the length of the longest value, in chars
 * @param shapes how many values had each shape ({@link #shape}), the {@value #SHAPES} most frequent
 */
public record FieldProfile(int sampled, int distinct, int numbers, BigDecimal min, BigDecimal max, int minLength,
        int maxLength, Map<String, Integer> shapes) {

    /** How many shapes a profile keeps. */
    static final int SHAPES = 8;
    /** A number longer than this is not read as one: a profile is evidence, not arithmetic. */
    private static final int MAX_NUMBER_LENGTH = 40;

    public FieldProfile {
        shapes = shapes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
    }

    /** The profile of a sample's non-empty values (blank values are left out by the caller). */
    public static FieldProfile of(Collection<String> values) {
        Set<String> distinct = new HashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        int numbers = 0;
        BigDecimal min = null;
        BigDecimal max = null;
        int minLength = Integer.MAX_VALUE;
        int maxLength = 0;
        for (String value : values) {
            distinct.add(value);
            shapes.merge(shape(value), 1, Integer::sum);
            minLength = Math.min(minLength, value.length());
            maxLength = Math.max(maxLength, value.length());
            BigDecimal number = number(value);
            if (number != null) {
                numbers++;
                min = min == null || number.compareTo(min) < 0 ? number : min;
                max = max == null || number.compareTo(max) > 0 ? number : max;
            }
        }
        return new FieldProfile(values.size(), distinct.size(), numbers, min, max,
                values.isEmpty() ? 0 : minLength, maxLength, top(shapes));
    }

    /**
     * This profile and a later one of the same field as one: ranges and lengths widen, shapes add up, and the distinct
     * count is that of the larger sample (distinct counts of two samples do not add).
     */
    public FieldProfile merge(FieldProfile later) {
        if (sampled == 0) {
            return later;
        }
        if (later.sampled == 0) {
            return this;
        }
        Map<String, Integer> merged = new HashMap<>(shapes);
        later.shapes.forEach((shape, count) -> merged.merge(shape, count, Integer::sum));
        FieldProfile larger = later.sampled >= sampled ? later : this;
        return new FieldProfile(larger.sampled, larger.distinct, larger.numbers, least(min, later.min),
                greatest(max, later.max), Math.min(minLength, later.minLength), Math.max(maxLength, later.maxLength),
                top(merged));
    }

    /** The share of the sample that was distinct, from 0 to 1. */
    public double distinctShare() {
        return sampled == 0 ? 0 : (double) distinct / sampled;
    }

    /** Whether most values were numbers. */
    public boolean numeric() {
        return sampled > 0 && numbers * 10 >= sampled * 9;
    }

    /**
     * The shape of a value: each run of digits is {@code 9}, each run of letters {@code a}, ASCII punctuation itself,
     * any other char {@code _}. {@code 11/8/2017} is {@code 9/9/9}, {@code CA-2016-152156} is {@code a-9-9},
     * {@code 261.96} is {@code 9.9}, {@code Second Class} is {@code a_a}.
     */
    public static String shape(String value) {
        StringBuilder shape = new StringBuilder();
        char last = 0;
        for (int i = 0; i < value.length() && shape.length() < 32; i++) {
            char c = value.charAt(i);
            char kind = Character.isDigit(c) ? '9' : Character.isLetter(c) ? 'a' : c > ' ' && c < 0x7f ? c : '_';
            if (kind != last || (kind != '9' && kind != 'a')) {
                shape.append(kind);
            }
            last = kind;
        }
        return shape.toString();
    }

    /** The value as a decimal number, or null when it is not one. */
    static BigDecimal number(String value) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > MAX_NUMBER_LENGTH) {
            return null;
        }
        char first = text.charAt(0);
        if (!Character.isDigit(first) && first != '-' && first != '+' && first != '.') {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            // beyond these, a number is no everyday value (and no jsonb number either)
            return Math.abs((long) number.precision() - number.scale()) > MAX_NUMBER_LENGTH
                    || Math.abs(number.scale()) > MAX_NUMBER_LENGTH ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Integer> top(Map<String, Integer> shapes) {
        Map<String, Integer> top = new LinkedHashMap<>();
        shapes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(SHAPES)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static BigDecimal least(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static BigDecimal greatest(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
