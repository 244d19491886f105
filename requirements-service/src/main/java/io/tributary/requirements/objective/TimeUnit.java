package io.tributary.requirements.objective;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The units a duration of an objective is given in; the first name of each is the one written back. */
public enum TimeUnit {
    MILLISECONDS(Duration.ofMillis(1), "millisecond", "ms", "millisecond", "milliseconds"),
    SECONDS(Duration.ofSeconds(1), "second", "s", "sec", "second", "seconds"),
    MINUTES(Duration.ofMinutes(1), "minute", "min", "minute", "minutes"),
    HOURS(Duration.ofHours(1), "hour", "h", "hr", "hour", "hours"),
    DAYS(Duration.ofDays(1), "day", "d", "day", "days");

    private final Duration length;
    private final String word;
    private final List<String> names;

    TimeUnit(Duration length, String word, String... names) {
        this.length = length;
        this.word = word;
        this.names = List.of(names);
    }

    /** The unit's short name: ms, s, min, h, d. */
    public String symbol() {
        return names.get(0);
    }

    public Duration length() {
        return length;
    }

    /** "1 second", "60 seconds". */
    public String words(String amount) {
        return amount + " " + ("1".equals(amount) ? word : word + "s");
    }

    public static Optional<TimeUnit> of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(unit -> unit.names.contains(wanted)).findFirst();
    }

    /** The names accepted, for a message. */
    public static List<String> symbols() {
        return Arrays.stream(values()).map(TimeUnit::symbol).toList();
    }
}
