package io.tributary.ingestion.parsing;

import java.io.IOException;

/**
 * The file's bytes cannot be read on from here because they are damaged (gzip data that is corrupt or cut short) or go
 * past a limit of {@link ReadLimits}, not because reading failed: a matter of content, which readers report as an
 * unreadable record, not as a failure.
 */
public final class DamagedInputException extends IOException {

    private static final long serialVersionUID = 1L;

    public DamagedInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The content goes past a limit: {@code what} says how, the records before it were read. */
    static DamagedInputException limit(String what, String key, long value) {
        return new DamagedInputException(what + " " + ReadLimits.exceeded(key, value)
                + "; the records before this point were read, nothing after it can be", null);
    }

    static DamagedInputException gzip(IOException cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new DamagedInputException("the gzip data is damaged or truncated (" + detail
                + "); the records before this point were read, nothing after it can be", cause);
    }
}
