-- Every change to a derived table moves its freshness watermark in the same transaction (the transform service
-- advances it beside the rows it wrote). A notification on channel tributary_aggregate_changed, payload the table's
-- name, is sent from that transaction: PostgreSQL delivers it to listeners when the transaction commits, and never
-- when it rolls back, so a listener (the serving service's live streams) hears of exactly the committed changes.
-- Several changes to one table in one transaction are delivered once.
create function catalog.notify_aggregate_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('tributary_aggregate_changed', new.table_name);
    return null;
end;
$$;

create trigger freshness_watermark_changed
    after insert or update on catalog.freshness_watermark
    for each row execute function catalog.notify_aggregate_changed();
