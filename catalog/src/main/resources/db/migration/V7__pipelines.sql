-- Declared transform pipelines, their progress, and where the transform service is in the accepted-records topic.
-- Curated tables are created and evolved by the transform service from each pipeline; the fixed tables of the
-- first slice make way for them.
drop table curated.sales_by_region_day;
drop table curated.sales;

create table catalog.pipeline_version (
    id          bigserial    primary key,
    name        varchar(48)  not null,
    version     integer      not null,
    dataset     varchar(128) not null references catalog.dataset (name),
    kind        varchar(16)  not null check (kind in ('FACT', 'REFERENCE')),
    document    text         not null,
    media_type  varchar(64)  not null,
    created_at  timestamptz  not null default now(),
    unique (name, version)
);

-- Counts since the pipeline was first declared: received = curated + corrected + duplicates + filtered + failed
-- + superseded. Written in the same transaction as the curated rows they count.
create table catalog.pipeline_state (
    name             varchar(48) primary key,
    received         bigint      not null default 0,
    curated          bigint      not null default 0,
    corrected        bigint      not null default 0,
    duplicates       bigint      not null default 0,
    filtered         bigint      not null default 0,
    failed           bigint      not null default 0,
    superseded       bigint      not null default 0,
    late             bigint      not null default 0,
    rederived        bigint      not null default 0,
    event_watermark  timestamptz,
    last_accepted_at timestamptz,
    updated_at       timestamptz not null default now()
);

-- The next offset to apply per partition, committed with the rows it produced: the exactly-once boundary.
create table catalog.consumer_offset (
    consumer     varchar(64)  not null,
    topic        varchar(249) not null,
    partition    integer      not null,
    next_offset  bigint       not null,
    primary key (consumer, topic, partition)
);

-- A reprocessing of a pipeline's stored inputs with its current version.
create table catalog.pipeline_backfill (
    id           uuid         primary key,
    pipeline     varchar(48)  not null,
    version      integer      not null,
    source       varchar(8)   not null check (source in ('TABLE', 'TOPIC')),
    status       varchar(16)  not null,
    accepted_from timestamptz,
    rows_done    bigint       not null default 0,
    error        text,
    started_at   timestamptz  not null default now(),
    finished_at  timestamptz
);

-- Which stage quarantined a record: ingestion (replayed from its raw text) or a transform pipeline (computed again
-- by a backfill of the pipeline, from the input kept in its curated table).
alter table catalog.quarantined_record add column stage varchar(64) not null default 'ingestion';
