-- A quarantined record made of one item of an exploded JSON array (decision 0030) keeps the item's position in the
-- array, from 1, and how many items the array held: its key and its array's limits need them when it is replayed.
-- Both are null for a record that was no item.
alter table catalog.quarantined_record add column item integer, add column items integer;
