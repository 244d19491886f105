package io.tributary.transform.messaging;

/**
 * When the live consumer hands the records waiting on a dataset's topic to a build of its pipeline's tables (decision
 * 0062): once enough wait and the backlog stopped growing (the topic's end was reached, or fewer wait than at the poll
 * before), so that the build takes the whole of a file uploaded rather than its first part.
 */
public final class WaitingRecords {

    private WaitingRecords() {
    }

    /**
     * @param waiting the records of the poll and those after it on the partitions the consumer holds
     * @param afterPoll those after the poll only
     * @param before {@code waiting} at the topic's poll before this one; null when there was none
     * @param minRecords the fewest records worth a build
     */
    public static boolean handOver(long waiting, long afterPoll, Long before, long minRecords) {
        return waiting >= minRecords && (afterPoll == 0 || before != null && waiting <= before);
    }
}
