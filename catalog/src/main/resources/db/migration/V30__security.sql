-- Who may use Tributary (decision 0025). People sign in with a name and a password, kept as a bcrypt hash in Modular
-- Crypt Format; a stakeholder's account is linked to the stakeholder they are.
create table catalog.user_account (
    name            varchar(100) primary key,
    password_hash   varchar(100) not null,
    roles           text[]       not null,
    stakeholder_id  bigint       references catalog.stakeholder (id) on delete set null,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    password_set_at timestamptz  not null default now()
);

-- Machines push with API keys: the key's secret is kept only as its SHA-256 hash; a key may push to its sources only,
-- until it expires or is revoked. A revoked key stays, so that the audit log can still name it.
create table catalog.api_key (
    id            varchar(16)  primary key,
    name          varchar(200) not null,
    secret_hash   varchar(64)  not null,
    sources       text[]       not null,
    created_by    varchar(200) not null,
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz  not null,
    revoked_at    timestamptz,
    revoked_by    varchar(200),
    last_used_at  timestamptz
);

-- Every write any service answered (decision 0027): who, what, when, from where, and the state before and after
-- where the operation gives them.
create table catalog.audit_entry (
    id          bigserial     primary key,
    at          timestamptz   not null default now(),
    service     varchar(64)   not null,
    principal   varchar(200)  not null,
    roles       text[]        not null default '{}',
    method      varchar(16)   not null,
    path        varchar(2000) not null,
    operation   varchar(200)  not null,
    status      integer       not null,
    remote      varchar(200)  not null,
    before      jsonb,
    after       jsonb
);
create index audit_entry_at on catalog.audit_entry (at desc);
create index audit_entry_principal on catalog.audit_entry (principal, at desc);
