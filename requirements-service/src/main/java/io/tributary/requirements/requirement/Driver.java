package io.tributary.requirements.requirement;

/** Why a service level matters, as ODCS names it in an SLA property's {@code driver}. */
public enum Driver {
    REGULATORY,
    ANALYTICS,
    OPERATIONAL
}
