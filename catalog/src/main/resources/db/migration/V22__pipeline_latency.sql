-- How long records took from their arrival (acceptance by ingestion) and from their event time until a pipeline had
-- applied them: counts per minute and logarithmic bucket (catalog LatencyBuckets), written by the transform service
-- in the transaction that applied them, read by the requirements service for latency objectives.
create table catalog.pipeline_latency (
    pipeline  varchar(48) not null,
    minute    timestamptz not null,
    basis     varchar(10) not null check (basis in ('ARRIVAL', 'EVENT_TIME')),
    bucket    smallint    not null,
    count     bigint      not null,
    primary key (pipeline, minute, basis, bucket)
);
