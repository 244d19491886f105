package io.tributary.requirements.objective;

import java.time.Duration;

/** Durations in words, for read-backs and documents. */
public final class Durations {

    private static final TimeUnit[] LARGEST_FIRST = {TimeUnit.DAYS, TimeUnit.HOURS, TimeUnit.MINUTES,
            TimeUnit.SECONDS, TimeUnit.MILLISECONDS};

    private Durations() {
    }

    /** ISO 8601, in whole days when it is some ({@code P28D}, not {@code PT672H}). */
    public static String iso(Duration duration) {
        if (!duration.isZero() && duration.toNanos() % TimeUnit.DAYS.length().toNanos() == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }

    /** "28 days", "1 hour", "90 seconds": in the largest unit that divides it. */
    public static String words(Duration duration) {
        TimeUnit unit = unit(duration);
        return unit.words(Long.toString(duration.toNanos() / unit.length().toNanos()));
    }

    /** "day" for one day, "15 minutes" for more: what comes after "per" or "each". */
    public static String period(Duration duration) {
        String words = words(duration);
        return words.startsWith("1 ") ? words.substring(2) : words;
    }

    /** "minutes" for one-minute slices, "10-second slices" for others. */
    public static String slices(Duration slice) {
        TimeUnit unit = unit(slice);
        long count = slice.toNanos() / unit.length().toNanos();
        String word = unit.words("1").substring(2);
        return count == 1 ? word + "s" : count + "-" + word + " slices";
    }

    private static TimeUnit unit(Duration duration) {
        for (TimeUnit unit : LARGEST_FIRST) {
            if (duration.toNanos() % unit.length().toNanos() == 0) {
                return unit;
            }
        }
        return TimeUnit.MILLISECONDS;
    }
}
