package io.tributary.catalog.lease;

/**
 * The work's lease lapsed and another holding took it: the work stops here and writes nothing more, since its new
 * holder does it again from the start.
 */
public class LeaseLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeaseLostException(Lease lease, String takenBy) {
        super(lease.kind().code() + " " + lease.key() + " is no longer held by " + lease.holder()
                + (takenBy == null ? "" : ": " + takenBy + " took it over"));
    }
}
