-- Each pipeline version's column lineage (decision 0037): for each curated column, the fields of the dataset it is
-- computed from ("reference.column" for a column looked up in a reference pipeline), so that the serving service can
-- tell which columns hold personal data without compiling the pipeline. Null for versions stored before.
alter table catalog.pipeline_version add column column_lineage jsonb;
