package io.tributary.transform.pipeline;

import java.time.ZoneId;
import java.util.Map;

/** What a running pipeline reads besides the record: reference rows and the time zones of sources. */
public interface RowContext {

    /** The current row of a reference pipeline with this key, or null when it has not arrived yet. */
    Map<String, Object> reference(String pipeline, String key);

    /** The IANA time zone registered on the source the record came from. */
    ZoneId zoneOf(String source);
}
