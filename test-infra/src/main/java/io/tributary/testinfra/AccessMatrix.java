package io.tributary.testinfra;

import static io.tributary.catalog.security.Roles.ADMIN;
import static io.tributary.catalog.security.Roles.ANALYST;
import static io.tributary.catalog.security.Roles.ENGINEER;
import static io.tributary.catalog.security.Roles.PRODUCER;
import static io.tributary.catalog.security.Roles.STAKEHOLDER;
import static io.tributary.catalog.security.Roles.STEWARD;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who may call what, written down once from the roles by job (docs/security.md), apart from the annotations it
 * checks: {@link AccessMatrixContract} calls every operation of a service's OpenAPI document as each role and expects
 * a 403 wherever this matrix has no entry for the role. An operation missing here fails the test, so that a new
 * operation is placed in the matrix when it is added.
 * <ul>
 * <li>admin: users, keys, the audit log, everything;
 * <li>steward: contracts, pipelines, requirements, reviews of held batches, quarantine replay, backfills; reads
 * everything but accounts, keys and the audit log;
 * <li>engineer: sources, uploads, reviews, replays, backfills, producers' keys; reads the same;
 * <li>analyst: reads metrics, curated rows, features, recommendations, contracts, lineage, quarantine, goals, stakeholders,
 * requirements, objectives and alerts;
 * <li>stakeholder: reads goals, and reads and confirms the requirements they are a stakeholder of (the service
 * refuses the others with 403), with their objectives;
 * <li>producer: pushes events and files to its own sources.
 * </ul>
 */
public final class AccessMatrix {

    private static final Set<String> READERS = Set.of(ADMIN, STEWARD, ENGINEER);
    private static final Set<String> DATA_READERS = Set.of(ADMIN, STEWARD, ENGINEER, ANALYST);
    private static final Set<String> STEWARDS = Set.of(ADMIN, STEWARD);
    private static final Set<String> ENGINEERS = Set.of(ADMIN, ENGINEER);
    private static final Set<String> OPERATORS = Set.of(ADMIN, STEWARD, ENGINEER);
    private static final Set<String> PUSHERS = Set.of(ADMIN, ENGINEER, PRODUCER);
    private static final Set<String> PEOPLE = Set.of(ADMIN, STEWARD, ENGINEER, ANALYST, STAKEHOLDER);

    /** "METHOD /path/{template}" as the OpenAPI document names it, to the roles that may call it. */
    static final Map<String, Set<String>> ALLOWED = new TreeMap<>(Map.ofEntries(
            // ingestion
            Map.entry("GET /api/sources", READERS),
            Map.entry("POST /api/sources", ENGINEERS),
            Map.entry("GET /api/sources/{name}", READERS),
            Map.entry("PUT /api/sources/{name}", ENGINEERS),
            Map.entry("POST /api/sources/{name}/disable", ENGINEERS),
            Map.entry("POST /api/sources/{name}/enable", ENGINEERS),
            Map.entry("GET /api/sources/{name}/batches", READERS),
            Map.entry("POST /api/sources/{name}/files", PUSHERS),
            Map.entry("POST /api/sources/{name}/events", PUSHERS),
            Map.entry("GET /api/batches/{id}", READERS),
            Map.entry("POST /api/batches/{id}/review", OPERATORS),
            Map.entry("GET /api/quarantine", DATA_READERS),
            Map.entry("POST /api/quarantine/replay", OPERATORS),
            // transform
            Map.entry("GET /api/pipelines", READERS),
            Map.entry("GET /api/pipelines/{name}", READERS),
            Map.entry("PUT /api/pipelines/{name}", STEWARDS),
            Map.entry("GET /api/pipelines/{name}/versions", READERS),
            Map.entry("GET /api/pipelines/{name}/versions/{version}", READERS),
            Map.entry("POST /api/pipelines/{name}/backfills", OPERATORS),
            Map.entry("GET /api/pipelines/{name}/backfills/{id}", READERS),
            // serving
            Map.entry("GET /api/metrics/{pipeline}", DATA_READERS),
            Map.entry("GET /api/metrics/{pipeline}/stream", DATA_READERS),
            Map.entry("GET /api/datasets/{pipeline}/rows", DATA_READERS),
            Map.entry("GET /api/dashboard/{pipeline}/quality", DATA_READERS),
            Map.entry("GET /api/dashboard/{pipeline}/objectives", DATA_READERS),
            Map.entry("GET /api/features/{pipeline}/customers/{customer}/purchases", DATA_READERS),
            Map.entry("GET /api/features/{pipeline}/products/{product}/co-purchases", DATA_READERS),
            Map.entry("GET /api/features/{pipeline}/training-set", DATA_READERS),
            Map.entry("GET /api/recommendations/{pipeline}/customers/{customer}", DATA_READERS),
            Map.entry("GET /api/recommendations/{pipeline}/products/{product}/similar", DATA_READERS),
            // requirements: contracts and lineage
            Map.entry("GET /api/contracts", DATA_READERS),
            Map.entry("GET /api/contracts/{dataset}", DATA_READERS),
            Map.entry("PUT /api/contracts/{dataset}", STEWARDS),
            Map.entry("GET /api/contracts/{dataset}/versions", DATA_READERS),
            Map.entry("GET /api/contracts/{dataset}/versions/{version}", DATA_READERS),
            Map.entry("GET /api/lineage", DATA_READERS),
            // requirements: goals, stakeholders, requirements
            Map.entry("GET /api/goals", PEOPLE),
            Map.entry("POST /api/goals", STEWARDS),
            Map.entry("GET /api/goals/{id}", PEOPLE),
            Map.entry("GET /api/goals/{id}/document", DATA_READERS),
            Map.entry("PUT /api/goals/{id}", STEWARDS),
            Map.entry("GET /api/stakeholders", DATA_READERS),
            Map.entry("POST /api/stakeholders", STEWARDS),
            Map.entry("GET /api/stakeholders/{id}", DATA_READERS),
            Map.entry("PUT /api/stakeholders/{id}", STEWARDS),
            Map.entry("PUT /api/stakeholders/{id}/answers/{question}", STEWARDS),
            Map.entry("GET /api/requirements", PEOPLE),
            Map.entry("POST /api/requirements", STEWARDS),
            Map.entry("GET /api/requirements/{id}", PEOPLE),
            Map.entry("PUT /api/requirements/{id}", STEWARDS),
            Map.entry("POST /api/requirements/{id}/proposals", STEWARDS),
            Map.entry("POST /api/requirements/{id}/confirmations", Set.of(ADMIN, STAKEHOLDER)),
            Map.entry("GET /api/requirements/{id}/versions", PEOPLE),
            Map.entry("GET /api/requirements/{id}/history", PEOPLE),
            Map.entry("GET /api/requirements/{id}/read-back", PEOPLE),
            Map.entry("GET /api/requirements/{id}/trace", PEOPLE),
            Map.entry("GET /api/datasets/{name}/requirements", DATA_READERS),
            // requirements: objectives verified live, and their alerts
            Map.entry("GET /api/slos", DATA_READERS),
            Map.entry("GET /api/slos/{id}", PEOPLE),
            Map.entry("GET /api/slos/{id}/history", PEOPLE),
            Map.entry("GET /api/alerts", DATA_READERS),
            Map.entry("GET /api/alerts/{id}", DATA_READERS),
            // requirements: sign-in, accounts, keys, audit
            Map.entry("POST /api/auth/token", Set.of()),
            Map.entry("PUT /api/auth/password", PEOPLE),
            Map.entry("GET /api/users", Set.of(ADMIN)),
            Map.entry("POST /api/users", Set.of(ADMIN)),
            Map.entry("GET /api/users/{name}", Set.of(ADMIN)),
            Map.entry("PUT /api/users/{name}", Set.of(ADMIN)),
            Map.entry("DELETE /api/users/{name}", Set.of(ADMIN)),
            Map.entry("PUT /api/users/{name}/password", Set.of(ADMIN)),
            Map.entry("GET /api/keys", ENGINEERS),
            Map.entry("POST /api/keys", ENGINEERS),
            Map.entry("GET /api/keys/{id}", ENGINEERS),
            Map.entry("DELETE /api/keys/{id}", ENGINEERS),
            Map.entry("GET /api/audit", Set.of(ADMIN))));

    /** The operations anyone may call, without a token. */
    static final Set<String> OPEN = Set.of("POST /api/auth/token");

    private AccessMatrix() {
    }
}
