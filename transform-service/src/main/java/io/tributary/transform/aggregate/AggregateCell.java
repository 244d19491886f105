package io.tributary.transform.aggregate;

import java.util.List;

/**
 * One cell of a pipeline's aggregate: an event-time bucket (a calendar date, or the start of a 15-minute UTC interval)
 * and the values of the dimensions, as text ({@code ""} for none).
 */
public record AggregateCell(String bucket, List<String> dimensions) implements Comparable<AggregateCell> {

    @Override
    public int compareTo(AggregateCell other) {
        int byBucket = bucket.compareTo(other.bucket);
        if (byBucket != 0) {
            return byBucket;
        }
        for (int i = 0; i < dimensions.size(); i++) {
            int byDimension = dimensions.get(i).compareTo(other.dimensions.get(i));
            if (byDimension != 0) {
                return byDimension;
            }
        }
        return 0;
    }
}
