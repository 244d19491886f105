-- Each pipeline version that declares an aggregate stores the layout of curated.<pipeline>_agg as the transform service
-- created it (bucket type, dimensions, measures in table order); the serving service reads it from here (decision 0015).
alter table catalog.pipeline_version add column aggregate_layout jsonb;

-- The current versions stored before: their layout is read once from the aggregate tables as they are.
update catalog.pipeline_version p
set aggregate_layout = jsonb_build_object(
        'bucket', case b.data_type when 'date' then 'DATE' else 'TIMESTAMP' end,
        'dimensions', coalesce((select jsonb_agg(c.column_name::text order by c.ordinal_position)
                                from information_schema.columns c
                                where c.table_schema = 'curated' and c.table_name = p.name || '_agg'
                                  and c.data_type = 'text'), '[]'::jsonb),
        'measures', coalesce((select jsonb_agg(c.column_name::text order by c.ordinal_position)
                              from information_schema.columns c
                              where c.table_schema = 'curated' and c.table_name = p.name || '_agg'
                                and c.data_type = 'numeric'), '[]'::jsonb))
from information_schema.columns b
where b.table_schema = 'curated' and b.table_name = p.name || '_agg' and b.column_name = '_bucket'
  and b.data_type in ('date', 'timestamp with time zone')
  and p.version = (select max(v.version) from catalog.pipeline_version v where v.name = p.name);
