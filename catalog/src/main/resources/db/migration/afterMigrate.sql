-- The grants of each service's own role and of the analysts' role (decision 0047). Flyway runs this script after
-- every migrate, as the role that owns the schemas, so the tables a later migration adds are granted as well. The
-- roles are made by whoever runs the database (the local run; CloudNativePG's managed roles on Kubernetes); a role
-- that does not exist is skipped, so a database without them (a test's) migrates as before.
--
--   tributary_ingestion, tributary_requirements  the catalog: read and write its rows, nothing else
--   tributary_transform                          the catalog's rows, and the curated schema, whose tables it creates
--                                                and owns (pipelines declare them at run time); the analytics schema,
--                                                whose views of the curated tables it makes (decision 0050)
--   tributary_serving                            reads the catalog and the curated tables; adds to the audit log
--   tributary_analyst                            reads the analytics views only (personal columns masked), never the
--                                                curated tables; read-only sessions, a statement timeout
--
-- The owner must be able to act as tributary_transform and tributary_analyst (a superuser, or a member of both) to
-- hand the curated tables to the transform, to grant reads on the tables the transform creates later, and to give
-- the analysts' role its session defaults; it is skipped, with a notice, when it cannot.
do $$
declare
    service text;
    curated_table record;
    can_act_as_transform boolean;
begin
    foreach service in array array['tributary_ingestion', 'tributary_transform', 'tributary_requirements'] loop
        if exists (select from pg_roles where rolname = service) then
            execute format('grant usage on schema catalog to %I', service);
            execute format('grant select, insert, update, delete on all tables in schema catalog to %I', service);
            execute format('grant usage, select, update on all sequences in schema catalog to %I', service);
        end if;
    end loop;

    if exists (select from pg_roles where rolname = 'tributary_serving') then
        grant usage on schema catalog to tributary_serving;
        grant select on all tables in schema catalog to tributary_serving;
        grant insert on catalog.audit_entry to tributary_serving;
        grant usage on sequence catalog.audit_entry_id_seq to tributary_serving;
    end if;

    if exists (select from pg_roles where rolname = 'tributary_transform') then
        can_act_as_transform := pg_has_role(current_user, 'tributary_transform', 'SET');
        grant usage, create on schema curated to tributary_transform;
        if can_act_as_transform then
            for curated_table in
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'curated' and c.relkind in ('r', 'p')
                  and pg_get_userbyid(c.relowner) <> 'tributary_transform'
            loop
                execute format('alter table curated.%I owner to tributary_transform', curated_table.relname);
            end loop;
        else
            raise notice 'the curated tables stay with their owners: % cannot act as tributary_transform',
                current_user;
        end if;
        grant usage, create on schema analytics to tributary_transform;
        foreach service in array array['tributary_serving', 'tributary_requirements'] loop
            if exists (select from pg_roles where rolname = service) then
                execute format('grant usage on schema curated to %I', service);
                execute format('grant select on all tables in schema curated to %I', service);
                if can_act_as_transform then
                    execute format('alter default privileges for role tributary_transform in schema curated '
                        || 'grant select on tables to %I', service);
                end if;
            end if;
        end loop;
    end if;

    -- The analysts read the views the transform makes in the analytics schema, which mask personal columns; the
    -- transform grants each view it makes, and this grants those made before the role. What a database migrated
    -- before granted them in the curated schema is taken back.
    if exists (select from pg_roles where rolname = 'tributary_analyst') then
        grant usage on schema analytics to tributary_analyst;
        grant select on all tables in schema analytics to tributary_analyst;
        revoke all on all tables in schema curated from tributary_analyst;
        revoke all on schema curated from tributary_analyst;
        if exists (select from pg_roles where rolname = 'tributary_transform') then
            if pg_has_role(current_user, 'tributary_transform', 'SET') then
                execute 'alter default privileges for role tributary_transform in schema curated '
                    || 'revoke select on tables from tributary_analyst';
            end if;
        end if;
    end if;

    -- Defaults of the analysts' sessions, set only when the role has none of its own (an operator's ALTER ROLE
    -- stays): a role may set its own defaults, so the owner sets them acting as the role.
    if exists (select from pg_roles where rolname = 'tributary_analyst') then
        if not pg_has_role(current_user, 'tributary_analyst', 'SET') then
            raise notice 'the analysts'' session defaults are not set: % cannot act as tributary_analyst',
                current_user;
        elsif not exists (
                select from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
                where r.rolname = 'tributary_analyst' and s.setdatabase = 0
                  and exists (select from unnest(s.setconfig) c where c like 'statement_timeout=%')) then
            set role tributary_analyst;
            alter role tributary_analyst set statement_timeout = '60s';
            alter role tributary_analyst set default_transaction_read_only = on;
            alter role tributary_analyst set idle_in_transaction_session_timeout = '10min';
            reset role;
        end if;
    end if;
end
$$;
