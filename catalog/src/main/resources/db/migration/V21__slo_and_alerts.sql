-- Live verification: every evaluation of every objective, the time slices its budget counts, its latest status, and
-- the alerts raised with their deliveries. Written only by the requirements service.
create table catalog.slo_evaluation (
    requirement_id  bigint           not null,
    evaluated_at    timestamptz      not null,
    state           varchar(8)       not null check (state in ('MET', 'VIOLATED', 'NO_DATA')),
    value           double precision,
    primary key (requirement_id, evaluated_at)
);

-- One row per objective and time slice: how many evaluations in it were good and bad. A slice with a bad one is bad.
create table catalog.slo_slice (
    requirement_id  bigint      not null,
    slice_start     timestamptz not null,
    good            integer     not null,
    bad             integer     not null,
    primary key (requirement_id, slice_start)
);

create table catalog.slo_status (
    requirement_id     bigint           primary key,
    version            integer          not null,
    state              varchar(8)       not null,
    value              double precision,
    evaluated_at       timestamptz      not null,
    good_share         double precision,
    budget_left        double precision,
    since              timestamptz      not null,
    last_violation_at  timestamptz,
    data_since         timestamptz
);

-- The evaluation cycle is claimed here, so that several instances of the service never evaluate the same cycle.
create table catalog.slo_cycle (
    id          integer     primary key check (id = 1),
    claimed_at  timestamptz not null,
    claimed_by  varchar(64) not null
);
insert into catalog.slo_cycle (id, claimed_at, claimed_by) values (1, 'epoch', '');

create table catalog.alert (
    id              uuid         primary key,
    requirement_id  bigint       not null,
    kind            varchar(24)  not null,
    severity        varchar(8)   not null check (severity in ('PAGE', 'TICKET')),
    state           varchar(8)   not null check (state in ('OPEN', 'RESOLVED')),
    summary         text         not null,
    details         jsonb        not null,
    opened_at       timestamptz  not null,
    resolved_at     timestamptz
);
create unique index alert_open_idx on catalog.alert (requirement_id, kind) where state = 'OPEN';
create index alert_opened_idx on catalog.alert (opened_at);

-- A webhook call owed to a stakeholder; retried with back-off until delivered or given up.
create table catalog.alert_delivery (
    id               bigserial    primary key,
    alert_id         uuid         not null references catalog.alert (id),
    event            varchar(8)   not null check (event in ('OPENED', 'RESOLVED')),
    stakeholder_id   bigint       not null,
    url              text         not null,
    payload          jsonb        not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    delivered_at     timestamptz,
    failed_at        timestamptz,
    last_error       text
);
create index alert_delivery_due_idx on catalog.alert_delivery (next_attempt_at)
    where delivered_at is null and failed_at is null;
create index alert_delivery_alert_idx on catalog.alert_delivery (alert_id);
