package io.tributary.requirements.requirement;

/** How a requirement came to be: written by someone, or imported from a contract's SLA properties. */
public enum Origin {
    MANUAL,
    CONTRACT
}
