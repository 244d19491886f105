-- Lineage: every OpenLineage run event a service emits, as sent, plus the datasets it names so that
-- "which runs read or wrote dataset X" is an indexed lookup.
create table catalog.lineage_event (
    id             bigserial    primary key,
    run_id         uuid         not null,
    event_type     varchar(16)  not null
        check (event_type in ('START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER')),
    event_time     timestamptz  not null,
    job_namespace  varchar(255) not null,
    job_name       varchar(255) not null,
    event          jsonb        not null,
    created_at     timestamptz  not null default now()
);
create index lineage_event_job_idx on catalog.lineage_event (job_namespace, job_name, event_time);
create index lineage_event_run_idx on catalog.lineage_event (run_id);

-- The input and output datasets of each event (OpenLineage namespace and name).
create table catalog.lineage_dataset (
    event_id   bigint       not null references catalog.lineage_event (id) on delete cascade,
    role       varchar(8)   not null check (role in ('INPUT', 'OUTPUT')),
    namespace  varchar(255) not null,
    name       text         not null,
    primary key (event_id, role, namespace, name)
);
create index lineage_dataset_name_idx on catalog.lineage_dataset (name, namespace);
