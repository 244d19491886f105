-- A pipeline's first version over a topic that already holds a large backlog is built beside its tables and swapped
-- in (decision 0061): a backfill of its own source, BACKLOG, whose from_topic and from_offsets are the offsets the
-- build reads up to (the consumer's offsets were set there when the version was stored).
alter table catalog.pipeline_backfill drop constraint pipeline_backfill_source_check;
alter table catalog.pipeline_backfill add constraint pipeline_backfill_source_check
    check (source in ('TABLE', 'TOPIC', 'BACKLOG'));
-- When a BACKLOG backfill's build committed, in the build's own transaction: a backfill started again after that (tried
-- again, or taken over) only reads the records after its offsets, never builds and counts the backlog twice.
alter table catalog.pipeline_backfill add column built_at timestamptz;
