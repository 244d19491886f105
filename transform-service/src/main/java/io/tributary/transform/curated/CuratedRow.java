package io.tributary.transform.curated;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The latest version of one record in a pipeline's curated table, with what it was computed from.
 *
 * @param batch the ingestion batch that accepted the record, and {@code position} its place there
 * @param partition the accepted-records partition the record was read from
 * @param offset its offset there: a row is never replaced by an older offset of the same partition
 * @param version the pipeline version that computed {@code values}
 * @param hash a hash of the record's data, telling an exact repeat from a correction
 * @param pending the reference pipelines whose row for this record has not arrived yet
 * @param input the record's data as ingestion accepted it (JSON), so the row can be computed again
 * @param values the curated columns; empty unless the status is {@link Status#CURATED}
 */
public record CuratedRow(
        String key,
        UUID recordId,
        String source,
        UUID batch,
        long position,
        int partition,
        long offset,
        int version,
        String hash,
        Status status,
        List<String> pending,
        String input,
        Instant acceptedAt,
        Map<String, Object> values) {

    public enum Status {
        CURATED,
        FILTERED,
        FAILED;

        /** As {@code _status} holds it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * A condition on {@code _status} that holds for the curated rows only, written as none of the other statuses:
         * on a table without statistics (one just loaded) PostgreSQL expects an equality to keep 0.5% of the rows and
         * an inequality 99.5%, and on a curated table nearly every row is curated.
         */
        public static String curatedIn(String alias) {
            return alias + "_status not in (" + Arrays.stream(values()).filter(s -> s != CURATED)
                    .map(s -> "'" + s.label() + "'").collect(Collectors.joining(", ")) + ")";
        }
    }

    public boolean isCurated() {
        return status == Status.CURATED;
    }
}
