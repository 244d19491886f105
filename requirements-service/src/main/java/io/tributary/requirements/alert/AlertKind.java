package io.tributary.requirements.alert;

/** Why an alert about a requirement is open. */
public enum AlertKind {
    /** The objective does not hold now. */
    OBJECTIVE_VIOLATED(Severity.PAGE),
    /** The error budget burns fast enough to be gone within days (2% in an hour, 5% in six hours). */
    FAST_BURN(Severity.PAGE),
    /** The error budget burns faster than the window allows (10% in a day or in three days). */
    SLOW_BURN(Severity.TICKET),
    /** Something the confirmed requirement depends on changed; it needs confirming again. */
    NEEDS_RECONFIRMATION(Severity.TICKET);

    private final Severity severity;

    AlertKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
