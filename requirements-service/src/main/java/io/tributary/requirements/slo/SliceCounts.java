package io.tributary.requirements.slo;

/** Good and bad time slices within a range; slices without evaluation are in neither. */
public record SliceCounts(long good, long bad) {

    public static final SliceCounts NONE = new SliceCounts(0, 0);

    public long counted() {
        return good + bad;
    }

    /** The share of bad slices among those counted; 0 when none was. */
    public double badShare() {
        return counted() == 0 ? 0 : (double) bad / counted();
    }
}
