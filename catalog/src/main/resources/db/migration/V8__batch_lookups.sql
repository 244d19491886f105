-- A batch compares its fields with those of its source's last completed batch: an indexed lookup, however many
-- batches the source has had (a source pushed events to gets one per call).
create index ingestion_batch_completed_idx on catalog.ingestion_batch (source, status, completed_at);
