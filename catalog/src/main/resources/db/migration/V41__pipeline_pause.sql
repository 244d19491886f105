-- A pipeline whose current version cannot run (its contract changed under it) pauses: since when, why, and the
-- accepted-records offsets from which its records are applied again when it runs again.
alter table catalog.pipeline_state add column paused_at timestamptz;
alter table catalog.pipeline_state add column paused_reason text;
alter table catalog.pipeline_state add column paused_offsets jsonb;
-- A backfill from the topic that starts at offsets rather than at a time: a paused pipeline's catching up.
alter table catalog.pipeline_backfill add column from_offsets jsonb;
