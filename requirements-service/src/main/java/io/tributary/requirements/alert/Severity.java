package io.tributary.requirements.alert;

/** How urgently someone must act: now (page), or within working hours (ticket). */
public enum Severity {
    PAGE,
    TICKET
}
