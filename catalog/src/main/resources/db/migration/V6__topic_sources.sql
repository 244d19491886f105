-- A Kafka topic that a source system publishes its events to; the ingestion service consumes it.
alter table catalog.source add column topic varchar(249);
