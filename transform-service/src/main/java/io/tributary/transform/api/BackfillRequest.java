package io.tributary.transform.api;

import java.time.Instant;

/**
 * @param source TABLE (default: the stored inputs computed again) or TOPIC (the accepted-records topic read again)
 * @param from only records accepted at or after this time; null for all
 */
public record BackfillRequest(String source, Instant from) {
}
