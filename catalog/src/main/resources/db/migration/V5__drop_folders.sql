-- A folder the ingestion service watches for a source: files dropped there are taken once they stop growing.
alter table catalog.source add column drop_folder text;
