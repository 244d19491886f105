-- A running pipeline whose topic holds many records it has not applied yet gets its tables built again from the topic
-- (decision 0062): its BACKLOG backfill reads the topic from its start, but counts and quarantines only the records
-- from these offsets (the consumer's offsets when the records were handed to it); the live path counted those before.
-- Null for a first version's backlog, whose every record is counted.
alter table catalog.pipeline_backfill add column counted_from jsonb;
