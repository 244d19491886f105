-- Who works on what, when several instances of a service share the catalog (decision 33). A unit of work (a batch,
-- a dropped file, a backfill) is done by the holder of its lease; a holder renews its lease while it works, and a lease
-- left to expire (its holder died or lost the database) is taken over by another instance. The row stays while free
-- (token null) only until its holder deletes it on release.
create table catalog.work_lease (
    kind         varchar(32)  not null,
    key          text         not null,
    holder       text         not null,
    token        uuid,
    acquired_at  timestamptz,
    expires_at   timestamptz  not null,
    primary key (kind, key)
);
create index work_lease_holder_idx on catalog.work_lease (holder);
