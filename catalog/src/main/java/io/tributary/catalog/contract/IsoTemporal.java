package io.tributary.catalog.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the dates, times and timestamps a contract itself gives (limits such as {@code logicalTypeOptions.minimum},
 * valid values of a quality rule) in ISO 8601, whatever {@code format} the property's data uses.
 */
public final class IsoTemporal {

    private IsoTemporal() {
    }

    /** {@code 2024-03-10}. */
    public static LocalDate date(String text) {
        return LocalDate.parse(text.strip());
    }

    /** {@code 09:30} or {@code 09:30:15.5}. */
    public static LocalTime time(String text) {
        return LocalTime.parse(text.strip());
    }

    /**
     * {@code 2024-03-10T02:30:00Z}, {@code 2024-03-10T02:30:00+01:00} or {@code ...[Europe/Paris]}; a local date-time
     * ({@code 2024-03-10T02:30:00}) or a date (its start of day) is read in {@code zone}.
     *
     * @throws DateTimeParseException when the text is none of these
     */
    public static Instant timestamp(String text, ZoneId zone) {
        String value = text.strip();
        if (value.indexOf('T') < 0) {
            return date(value).atStartOfDay(zone).toInstant();
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from,
                LocalDateTime::from);
        return parsed instanceof ZonedDateTime zoned ? zoned.toInstant() : ((LocalDateTime) parsed).atZone(zone).toInstant();
    }

    /** Reads {@code text} as a value of {@code type}; for a timestamp without an offset, in {@code zone}. */
    public static Comparable<?> of(LogicalType type, String text, ZoneId zone) {
        return switch (type) {
            case DATE -> date(text);
            case TIME -> time(text);
            case TIMESTAMP -> timestamp(text, zone);
            default -> throw new IllegalArgumentException(type.odcsName() + " is not a temporal type");
        };
    }
}
