-- A pipeline's quarantined record says at which step it failed and, when PostgreSQL refused its row, the SQLSTATE.
alter table catalog.quarantined_record add column step varchar(64);
alter table catalog.quarantined_record add column sql_state varchar(5);
