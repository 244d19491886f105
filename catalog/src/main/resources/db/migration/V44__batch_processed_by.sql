-- Which instance of the ingestion service processed a batch last (decision 33): several instances share the batches.
alter table catalog.ingestion_batch add column processed_by text;
