-- The shared catalog. Every service applies these migrations at start-up; Flyway's
-- PostgreSQL advisory lock makes concurrent start-ups safe.
create schema if not exists catalog;

create table catalog.dataset (
    name        varchar(128) primary key,
    created_at  timestamptz  not null default now()
);

-- Every accepted contract document, in order. The highest version is the current one.
create table catalog.contract_version (
    id              bigserial    primary key,
    dataset         varchar(128) not null references catalog.dataset (name),
    version         integer      not null,
    contract_id     varchar(256) not null,
    contract_label  varchar(64)  not null,
    status          varchar(32)  not null,
    document        jsonb        not null,
    media_type      varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    unique (dataset, version)
);

-- Field lists of a dataset: declared by a contract or observed in the data.
create table catalog.schema_version (
    id           bigserial    primary key,
    dataset      varchar(128) not null references catalog.dataset (name),
    version      integer      not null,
    origin       varchar(16)  not null check (origin in ('CONTRACT', 'OBSERVED')),
    fingerprint  char(64)     not null,
    fields       jsonb        not null,
    created_at   timestamptz  not null default now(),
    unique (dataset, version),
    unique (dataset, fingerprint)
);

create table catalog.source (
    id          bigserial    primary key,
    name        varchar(128) not null unique,
    dataset     varchar(128) not null references catalog.dataset (name),
    format      varchar(16)  not null,
    time_zone   varchar(64)  not null,
    options     jsonb        not null default '{}',
    enabled     boolean      not null default true,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

-- One unit of intake (a file, for now) and its counts: received = accepted + quarantined + duplicates.
create table catalog.ingestion_batch (
    id                uuid         primary key,
    source            varchar(128) not null references catalog.source (name),
    dataset           varchar(128) not null references catalog.dataset (name),
    status            varchar(24)  not null,
    file_name         varchar(255) not null,
    landing_path      text         not null,
    content_sha256    char(64)     not null,
    size_bytes        bigint       not null,
    contract_version  integer,
    received          bigint       not null default 0,
    accepted          bigint       not null default 0,
    quarantined       bigint       not null default 0,
    duplicates        bigint       not null default 0,
    error             text,
    created_at        timestamptz  not null default now(),
    started_at        timestamptz,
    completed_at      timestamptz
);
create index ingestion_batch_status_idx on catalog.ingestion_batch (status);
create index ingestion_batch_source_idx on catalog.ingestion_batch (source, created_at);

create table catalog.quarantined_record (
    id          bigserial    primary key,
    batch_id    uuid         not null references catalog.ingestion_batch (id),
    dataset     varchar(128) not null,
    position    bigint       not null,
    field       varchar(255),
    rule        varchar(64)  not null,
    value       text,
    reason      text         not null,
    raw         text         not null,
    created_at  timestamptz  not null default now()
);
create index quarantined_record_batch_idx on catalog.quarantined_record (batch_id, position);
create index quarantined_record_dataset_idx on catalog.quarantined_record (dataset, rule);

-- How current each derived table is: the newest input it reflects and when it last changed.
create table catalog.freshness_watermark (
    table_name       varchar(128) primary key,
    current_as_of    timestamptz  not null,
    updated_at       timestamptz  not null
);
