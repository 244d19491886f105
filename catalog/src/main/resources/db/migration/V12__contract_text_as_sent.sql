-- A contract version keeps the document as it was sent (YAML or JSON, with its comments and layout) beside its JSON
-- form, as a pipeline version does. Versions stored before have none: their JSON form stands for it.
alter table catalog.contract_version add column text text;
