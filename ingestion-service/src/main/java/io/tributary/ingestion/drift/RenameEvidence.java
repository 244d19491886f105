package io.tributary.ingestion.drift;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.tributary.catalog.contract.LogicalType;

/**
 * Whether a field the contract does not declare is a missing contract column under another name, from the evidence a
 * person would weigh, each piece scored in points (decision 29):
 * <ul>
 * <li>the name: like the column's ({@value #NAME}), or like it in part ({@value #NAME_IN_PART});</li>
 * <li>the place: the field stands where the column stood in a header seen before, between the same neighbours
 * ({@value #PLACE_SEEN}), or where the contract lists it ({@value #PLACE_CONTRACT});</li>
 * <li>the values: they read as the column's type ({@value #TYPE}, none for text, which anything reads as; fewer than
 * {@value #FITS} of them rule the field out), and look like the column's past values: within its range
 * ({@value #RANGE}), of its formats ({@value #FORMATS}), about as many distinct ({@value #DISTINCT}), as long
 * ({@value #LENGTHS}); each of these counts against when the values are plainly unlike.</li>
 * </ul>
 * A field is suggested when the name or the place speaks for it and the score reaches {@value #THRESHOLD} points
 * (given as a share of 100); each column and each field is given to one suggestion at most, the best scores first.
 * Every suggestion says its evidence.
 */
public final class RenameEvidence {

    static final int NAME = 40;
    static final int NAME_IN_PART = 25;
    static final int PLACE_SEEN = 40;
    static final int PLACE_CONTRACT = 25;
    static final int TYPE = 15;
    static final int RANGE = 10;
    static final int FORMATS = 10;
    static final int DISTINCT = 5;
    static final int LENGTHS = 5;
    static final int THRESHOLD = 40;
    /** The share of values that must read as the column's type. */
    static final double FITS = 0.9;
    /** Values needed on both sides before they are compared with past ones. */
    static final int MIN_VALUES = 3;

    private RenameEvidence() {
    }

    /**
     * A header the dataset's fields came in before (or the contract's order of its columns).
     *
     * @param label what the evidence calls it, such as "the header of schema version 2"
     * @param observed whether data came in it (else it is the contract's order, weaker evidence)
     */
    public record Layout(String label, List<String> names, boolean observed) {
    }

    /**
     * A missing column and a field that may be it.
     *
     * @param expected the column the contract reads (its physical name)
     * @param type the column's logical type
     * @param past what the column's values looked like in earlier batches, or null when none is known
     * @param found the field the contract does not declare
     * @param values the field's non-empty values in the sample
     * @param typeFit how many of {@code values} read as {@code type}
     */
    public record Pair(String expected, LogicalType type, FieldProfile past, String found, List<String> values,
            int typeFit) {
    }

    /** The pair scored with its evidence; empty when the field is ruled out or nothing speaks for it. */
    public static Optional<DriftReport.Renamed> score(Pair pair, List<String> header, List<Layout> layouts) {
        List<String> evidence = new ArrayList<>();
        int score = 0;
        boolean speaks = false;
        String expected = "'" + pair.expected() + "'";
        if (similar(pair.found(), pair.expected())) {
            score += NAME;
            speaks = true;
            evidence.add("its name is like " + expected);
        } else if (similarInPart(pair.found(), pair.expected())) {
            score += NAME_IN_PART;
            speaks = true;
            evidence.add("its name is like " + expected + " in part");
        }
        Optional<Layout> place = place(pair, header, layouts, true).or(() -> place(pair, header, layouts, false));
        if (place.isPresent()) {
            score += place.get().observed() ? PLACE_SEEN : PLACE_CONTRACT;
            speaks = true;
            evidence.add("it stands where " + expected + " stood in " + place.get().label() + " ("
                    + placement(neighbours(header, pair.found(), new HashSet<>(place.get().names()))) + ")");
        }
        int values = pair.values().size();
        if (values == 0) {
            evidence.add("no values to compare");
        } else if (pair.typeFit() < values * FITS) {
            return Optional.empty();
        } else if (pair.type() != LogicalType.STRING) {
            score += TYPE;
            evidence.add((values == 1
                    ? "its one sampled value reads"
                    : (pair.typeFit() == values ? "all " + values : pair.typeFit() + " of " + values)
                            + " sampled values read")
                    + " as " + pair.type().odcsName() + ", the type of " + expected);
        }
        if (pair.past() != null && pair.past().sampled() >= MIN_VALUES && values >= MIN_VALUES) {
            score += pastValues(pair, FieldProfile.of(pair.values()), evidence);
        }
        if (!speaks || score < THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(new DriftReport.Renamed(pair.expected(), pair.found(), score / 100.0, evidence));
    }

    /** Each column and each field in one suggestion at most: the best scores first, then the contract's order. */
    public static List<DriftReport.Renamed> assign(List<DriftReport.Renamed> scored) {
        Set<String> columns = new HashSet<>();
        Set<String> fields = new HashSet<>();
        List<DriftReport.Renamed> chosen = new ArrayList<>();
        scored.stream().sorted(Comparator.comparingDouble(DriftReport.Renamed::score).reversed()).forEach(r -> {
            if (!columns.contains(r.expected()) && !fields.contains(r.found())) {
                columns.add(r.expected());
                fields.add(r.found());
                chosen.add(r);
            }
        });
        List<DriftReport.Renamed> inOrder = new ArrayList<>();
        scored.stream().filter(chosen::contains).forEach(inOrder::add);
        return inOrder;
    }

    /** How the field's values compare with the column's past ones: evidence for, or against. */
    private static int pastValues(Pair pair, FieldProfile now, List<String> evidence) {
        FieldProfile past = pair.past();
        String whose = "past '" + pair.expected() + "' values";
        int score = 0;
        if (past.numeric() && now.numeric()) {
            double within = withinShare(pair.values(), past.min(), past.max());
            String range = " (" + past.min().toPlainString() + " to " + past.max().toPlainString() + ")";
            if (within >= 0.8) {
                score += RANGE;
                evidence.add("its values lie within the range of " + whose + range);
            } else if (within <= 0.2) {
                score -= RANGE;
                evidence.add("its values lie outside the range of " + whose + range);
            }
        }
        double sameShape = pair.values().stream().filter(v -> past.shapes().containsKey(FieldProfile.shape(v)))
                .count() / (double) pair.values().size();
        if (sameShape >= 0.8) {
            score += FORMATS;
            evidence.add("its values have the formats of " + whose + " (" + String.join(", ",
                    past.shapes().keySet().stream().limit(3).toList()) + ")");
        } else if (sameShape <= 0.2) {
            score -= FORMATS;
            evidence.add("its values' formats (" + String.join(", ", now.shapes().keySet().stream().limit(3).toList())
                    + ") are unlike those of " + whose + " (" + String.join(", ",
                            past.shapes().keySet().stream().limit(3).toList())
                    + ")");
        }
        double ratio = Math.max(now.distinctShare(), 1e-9) / Math.max(past.distinctShare(), 1e-9);
        String counts = " (" + now.distinct() + " of " + now.sampled() + " sampled, before " + past.distinct() + " of "
                + past.sampled() + ")";
        if (ratio >= 0.5 && ratio <= 2) {
            score += DISTINCT;
            evidence.add("about as many distinct values as " + whose + counts);
        } else if (ratio < 0.25 || ratio > 4) {
            score -= DISTINCT;
            evidence.add((ratio < 1 ? "far fewer" : "far more") + " distinct values than " + whose + counts);
        }
        if (!past.numeric()) {
            boolean overlap = now.minLength() <= past.maxLength() && past.minLength() <= now.maxLength();
            String lengths = " (" + past.minLength() + " to " + past.maxLength() + " chars)";
            if (overlap) {
                score += LENGTHS;
                evidence.add("its values are as long as " + whose + lengths);
            } else {
                score -= LENGTHS;
                evidence.add("its values are " + (now.maxLength() < past.minLength() ? "shorter" : "longer") + " than "
                        + whose + lengths);
            }
        }
        return score;
    }

    /**
     * The first layout (observed ones, or the contract's) where the column stood where the field stands: between the
     * same neighbours on each side, counting only the names both the layout and the header hold.
     */
    private static Optional<Layout> place(Pair pair, List<String> header, List<Layout> layouts, boolean observed) {
        for (Layout layout : layouts) {
            if (layout.observed() != observed || !layout.names().contains(pair.expected())
                    || layout.names().contains(pair.found())) {
                continue;
            }
            Set<String> inHeader = new HashSet<>(header);
            Set<String> inLayout = new HashSet<>(layout.names());
            List<String> headerAround = neighbours(header, pair.found(), inLayout);
            List<String> layoutAround = neighbours(layout.names(), pair.expected(), inHeader);
            if (headerAround.equals(layoutAround)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /** The nearest names before and after the name that {@code known} holds; "" at either end. */
    private static List<String> neighbours(List<String> names, String name, Set<String> known) {
        int at = names.indexOf(name);
        String before = "";
        for (int i = at - 1; i >= 0 && before.isEmpty(); i--) {
            if (known.contains(names.get(i))) {
                before = names.get(i);
            }
        }
        String after = "";
        for (int i = at + 1; i < names.size() && after.isEmpty(); i++) {
            if (known.contains(names.get(i))) {
                after = names.get(i);
            }
        }
        return List.of(before, after);
    }

    private static String placement(List<String> around) {
        String before = around.get(0);
        String after = around.get(1);
        if (before.isEmpty() && after.isEmpty()) {
            return "the only column";
        }
        if (before.isEmpty()) {
            return "first, before '" + after + "'";
        }
        return after.isEmpty() ? "last, after '" + before + "'" : "after '" + before + "', before '" + after + "'";
    }

    private static double withinShare(List<String> values, BigDecimal min, BigDecimal max) {
        int numbers = 0;
        int within = 0;
        for (String value : values) {
            BigDecimal number = FieldProfile.number(value);
            if (number != null) {
                numbers++;
                if (number.compareTo(min) >= 0 && number.compareTo(max) <= 0) {
                    within++;
                }
            }
        }
        return numbers == 0 ? 0 : (double) within / numbers;
    }

    /** Names alike once case and everything but letters and digits are set aside, or one holding the other. */
    static boolean similar(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        return x.equals(y) || (x.length() >= 4 && y.length() >= 4 && (x.contains(y) || y.contains(x)));
    }

    /** Names that share most of their pairs of letters (a Dice coefficient of 0.6 or more). */
    static boolean similarInPart(String a, String b) {
        Set<String> x = bigrams(normalise(a));
        Set<String> y = bigrams(normalise(b));
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return 2.0 * both.size() / (x.size() + y.size()) >= 0.6;
    }

    private static Set<String> bigrams(String text) {
        Set<String> bigrams = new HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            bigrams.add(text.substring(i, i + 2));
        }
        return bigrams;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
