-- Accepted records go to one topic per dataset (decision 0054): the offsets a paused pipeline is applied again from,
-- and those a backfill from the topic starts at, are offsets of a topic named beside them. Null for those stored
-- before, which are offsets of the single old topic of every dataset.
alter table catalog.pipeline_state add column paused_topic text;
alter table catalog.pipeline_backfill add column from_topic text;
