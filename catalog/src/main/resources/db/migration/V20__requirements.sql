-- Why data moves: business goals, the stakeholders who need or produce data, and their requirements, each version
-- kept with every confirmation step. Written only by the requirements service.
create table catalog.goal (
    id               bigserial    primary key,
    title            varchar(200) not null,
    description      text         not null default '',
    success_measure  text         not null default '',
    owner            varchar(200) not null default '',
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);

-- assets: [{type: DATASET|SOURCE|PIPELINE|SERVING, name, relation: PRODUCES|CONSUMES}]
create table catalog.stakeholder (
    id          bigserial    primary key,
    name        varchar(200) not null,
    job         varchar(100) not null,
    team        varchar(200) not null default '',
    direction   varchar(16)  not null check (direction in ('UPSTREAM', 'DOWNSTREAM')),
    email       varchar(320),
    webhook     text,
    assets      jsonb        not null default '[]',
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

-- The answers to the requirements-gathering checklist; a question without a row is still open.
create table catalog.stakeholder_answer (
    stakeholder_id  bigint       not null references catalog.stakeholder (id) on delete cascade,
    question        varchar(32)  not null,
    answer          text         not null,
    answered_by     varchar(200) not null,
    answered_at     timestamptz  not null default now(),
    primary key (stakeholder_id, question)
);

create table catalog.requirement (
    id          bigserial   primary key,
    created_at  timestamptz not null default now()
);

-- Every version of a requirement; the highest is the current one. Editing a confirmed version makes the next one,
-- and the confirmed one stays in force until its successor is confirmed.
create table catalog.requirement_version (
    requirement_id   bigint       not null references catalog.requirement (id),
    version          integer      not null,
    level            varchar(16)  not null check (level in ('BUSINESS', 'STAKEHOLDER', 'SYSTEM')),
    kind             varchar(16)  not null check (kind in ('FUNCTIONAL', 'NON_FUNCTIONAL')),
    goal_id          bigint       references catalog.goal (id),
    derived_from     bigint       references catalog.requirement (id),
    stakeholder_ids  bigint[]     not null default '{}',
    statement        text         not null,
    actions          text[]       not null default '{}',
    target_type      varchar(16)  check (target_type in ('DATASET', 'SOURCE', 'PIPELINE', 'SERVING')),
    target_name      varchar(512),
    elements         text[]       not null default '{}',
    driver           varchar(16),
    objective        jsonb,
    slo              jsonb,
    state            varchar(24)  not null,
    read_back        text,
    origin           varchar(16)  not null default 'MANUAL' check (origin in ('MANUAL', 'CONTRACT')),
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    primary key (requirement_id, version)
);
create index requirement_version_target_idx on catalog.requirement_version (target_type, target_name);
create index requirement_version_goal_idx on catalog.requirement_version (goal_id);

-- Who moved which version from one state to the next, when and why.
create table catalog.requirement_transition (
    id              bigserial    primary key,
    requirement_id  bigint       not null references catalog.requirement (id),
    version         integer      not null,
    action          varchar(24)  not null,
    from_state      varchar(24),
    to_state        varchar(24)  not null,
    actor           varchar(200) not null,
    comment         text,
    at              timestamptz  not null default now()
);
create index requirement_transition_idx on catalog.requirement_transition (requirement_id, id);

-- The contract clauses that carry a requirement: written from a confirmed requirement, or imported from a contract.
create table catalog.requirement_clause (
    requirement_id    bigint       not null references catalog.requirement (id),
    version           integer      not null,
    dataset           varchar(128) not null,
    contract_version  integer      not null,
    clause_id         varchar(64)  not null,
    property          varchar(64)  not null,
    clause_key        text         not null,
    created_at        timestamptz  not null default now(),
    primary key (requirement_id, dataset, contract_version, clause_id)
);
create index requirement_clause_dataset_idx on catalog.requirement_clause (dataset, clause_key);

-- Changes already acted upon (a pipeline version, a source's format, a held drift): each is announced once.
create table catalog.observed_change (
    kind         varchar(24)  not null,
    subject      varchar(255) not null,
    change_key   varchar(255) not null,
    observed_at  timestamptz  not null default now(),
    primary key (kind, subject, change_key)
);
