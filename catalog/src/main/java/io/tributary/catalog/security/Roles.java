package io.tributary.catalog.security;

import java.util.List;

/**
 * The roles of Tributary, one per job of the people and systems that use it. Every resource method names the roles
 * that may call it ({@code @RolesAllowed}); {@code docs/security.md} has the whole matrix.
 */
public final class Roles {

    /** Users, keys, and everything the other roles may do. */
    public static final String ADMIN = "admin";
    /** Contracts, pipelines, requirements, reviews of held batches, quarantine replay, backfills; reads everything. */
    public static final String STEWARD = "steward";
    /** Sources, uploads, reviews, replays, backfills, producer keys; reads everything. */
    public static final String ENGINEER = "engineer";
    /**
     * Reads metrics, features, lineage, contracts and quarantine (without raw personal data), and goals, stakeholders,
     * requirements, their objectives and alerts.
     */
    public static final String ANALYST = "analyst";
    /** Reads goals, and reads and confirms the requirements they are a stakeholder of, with their objectives. */
    public static final String STAKEHOLDER = "stakeholder";
    /** A machine's API key: pushes events or files to its own sources only. */
    public static final String PRODUCER = "producer";

    /** Every role, in the order of the list above. */
    public static final List<String> ALL = List.of(ADMIN, STEWARD, ENGINEER, ANALYST, STAKEHOLDER, PRODUCER);

    /** The roles a person's account may hold; {@link #PRODUCER} belongs to API keys only. */
    public static final List<String> OF_USERS = List.of(ADMIN, STEWARD, ENGINEER, ANALYST, STAKEHOLDER);

    private Roles() {
    }
}
