-- A backfill whose instance died is taken over by another and run again from its beginning (decision 33); how many
-- times that happened is shown with it.
alter table catalog.pipeline_backfill add column takeovers integer not null default 0;
