-- Which pipeline each curated table name belongs to (decision 0036): a pipeline claims the names of all its tables
-- (its curated table, its aggregate, its two feature tables) when it is first declared, and declaring a pipeline never
-- creates, alters or drops a table whose name another pipeline claimed.
create table catalog.curated_table_owner (
    table_name  text        primary key,
    pipeline    text        not null,
    claimed_at  timestamptz not null default now()
);

create index curated_table_owner_pipeline_idx on catalog.curated_table_owner (pipeline);

-- The pipelines declared before: each claims its names in the order they were first declared, so that of two
-- pipelines whose names collide the older keeps them. The suffixes are those of CuratedTables at this version.
insert into catalog.curated_table_owner (table_name, pipeline)
select claimed.table_name, first.name
from (select name, min(id) as first_id from catalog.pipeline_version group by name) first
cross join lateral (values (first.name), (first.name || '_agg'), (first.name || '_customer_products'),
        (first.name || '_co_purchases')) as claimed (table_name)
order by first.first_id
on conflict (table_name) do nothing;
