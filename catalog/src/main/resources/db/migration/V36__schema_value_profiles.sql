-- What the values of each field looked like in the batches of a schema version (ranges, lengths, formats, distinct
-- counts), merged batch after batch: the evidence drift detection compares a renamed column's values with.
alter table catalog.schema_version add column profile jsonb;
