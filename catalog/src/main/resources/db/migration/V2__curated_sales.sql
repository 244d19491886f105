-- The first curated table and its aggregate, both written only by the transform service.
create schema if not exists curated;

create table curated.sales (
    record_id    uuid           primary key,
    source       varchar(128)   not null,
    batch_id     uuid           not null,
    order_date   date           not null,
    region       varchar(128)   not null,
    sales        numeric(20, 4) not null,
    attributes   jsonb          not null,
    curated_at   timestamptz    not null default now()
);
create index sales_order_date_idx on curated.sales (order_date);

create table curated.sales_by_region_day (
    region      varchar(128)   not null,
    day         date           not null,
    sales       numeric(24, 4) not null,
    lines       bigint         not null,
    updated_at  timestamptz    not null,
    primary key (day, region)
);
