package io.tributary.requirements.objective;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The window an SLO's budget is counted over: the last {@code length} (rolling), or the current calendar
 * {@code period} in {@code timeZone}.
 */
public record SloWindow(Type type, Duration length, CalendarPeriod period, ZoneId timeZone) {

    public enum Type {
        ROLLING,
        CALENDAR
    }

    public enum CalendarPeriod {
        DAY,
        WEEK,
        MONTH
    }

    public static SloWindow rolling(Duration length) {
        return new SloWindow(Type.ROLLING, length, null, null);
    }

    public static SloWindow calendar(CalendarPeriod period, ZoneId timeZone) {
        return new SloWindow(Type.CALENDAR, null, period, timeZone);
    }

    /** The longest the window can be: its length, or the longest calendar period (31 days, a week, 25 hours). */
    public Duration longest() {
        if (type == Type.ROLLING) {
            return length;
        }
        return switch (period) {
            case DAY -> Duration.ofHours(25);
            case WEEK -> Duration.ofDays(7).plusHours(1);
            case MONTH -> Duration.ofDays(31).plusHours(1);
        };
    }
}
