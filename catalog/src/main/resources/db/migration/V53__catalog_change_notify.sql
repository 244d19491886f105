-- A change to a pipeline's versions (its aggregate's layout, its column lineage) or to a dataset's contract (what it
-- classifies as personal) can change any answer the serving service gives from its aggregates: which columns it reads
-- and which values it masks (decision 0037). Such a change is notified on the channel of aggregate changes (V52) with
-- the payload '*', "any table may have changed", once per transaction, when it commits: the serving service then drops
-- the answers it keeps (decision 0052) and its live streams answer again.
create function catalog.notify_any_aggregate_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('tributary_aggregate_changed', '*');
    return null;
end;
$$;

create trigger pipeline_version_changed
    after insert or update or delete or truncate on catalog.pipeline_version
    for each statement execute function catalog.notify_any_aggregate_changed();

create trigger contract_version_changed
    after insert or update or delete or truncate on catalog.contract_version
    for each statement execute function catalog.notify_any_aggregate_changed();
