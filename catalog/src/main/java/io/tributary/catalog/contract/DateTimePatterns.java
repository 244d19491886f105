package io.tributary.catalog.contract;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Date-time patterns given by users (in contracts, source settings and pipelines). The JDK's pattern parser refuses a
 * bad pattern with an {@link IllegalArgumentException}, except for some combinations of padding and adjacent numbers
 * (such as {@code "pyH"}) where it fails with a {@link ClassCastException} from inside; every refusal is turned into
 * the first kind here, so that callers handle one exception and a pattern never escapes as an error.
 */
public final class DateTimePatterns {

    private DateTimePatterns() {
    }

    /** The formatter of {@code pattern}, or an {@link IllegalArgumentException} saying why there is none. */
    public static DateTimeFormatter of(String pattern, Locale locale) {
        try {
            return DateTimeFormatter.ofPattern(pattern, locale);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the pattern cannot be built (" + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
