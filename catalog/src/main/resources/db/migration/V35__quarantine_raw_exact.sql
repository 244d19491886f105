-- A text column cannot hold U+0000: a record whose text holds it is shown in raw with the character escaped (\u0000)
-- and kept exactly here, as UTF-8, so that a replay reads and publishes the record as it came, not the escaped copy.
alter table catalog.quarantined_record add column raw_exact bytea;
