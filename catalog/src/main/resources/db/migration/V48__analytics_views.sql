-- The analysts' views (decision 0050): one view per curated table, every column, the personal ones masked. The
-- transform makes them, so it may create in this schema (afterMigrate.sql); the analysts' role reads here and no longer
-- in the curated schema.
create schema if not exists analytics;
