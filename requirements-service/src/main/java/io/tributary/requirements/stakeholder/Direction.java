package io.tributary.requirements.stakeholder;

/** Whether a stakeholder hands data to the system (upstream) or uses what it serves (downstream). */
public enum Direction {
    UPSTREAM,
    DOWNSTREAM
}
