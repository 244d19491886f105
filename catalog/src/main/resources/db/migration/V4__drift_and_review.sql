-- What an operator decides for a source after a schema change: which file column stands for which contract column,
-- and which date-time format a property now arrives in.
alter table catalog.source add column column_aliases jsonb not null default '{}';
alter table catalog.source add column formats jsonb not null default '{}';
-- Share of quarantined records (0..1) above which a batch is held as a whole; null: never held for that reason.
alter table catalog.source add column max_quarantine_share numeric(5, 4);

alter table catalog.ingestion_batch add column fields jsonb;
alter table catalog.ingestion_batch add column drift jsonb;
alter table catalog.ingestion_batch add column dropped_fields integer not null default 0;
alter table catalog.ingestion_batch add column hold_reason text;
-- An operator let the batch through as it is: it is not held again for the same reasons.
alter table catalog.ingestion_batch add column released boolean not null default false;
create index ingestion_batch_content_idx on catalog.ingestion_batch (source, content_sha256);
