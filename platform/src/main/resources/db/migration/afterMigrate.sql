-- Who may do what, applied again after every migration so that what a migration adds is covered
-- at once (roles: DatabaseRoles; placeholders: SchemaGrants). Runs as the schema's owner, after the
-- platform's migrations and again after the sides' (SideMigrations).

-- One process at a time (split processes and compose start together on one database): two GRANTs on
-- one object at once fail ("tuple concurrently updated"). Flyway runs this script in one transaction,
-- which holds the lock until it ends.
SELECT pg_advisory_xact_lock(hashtext('${grants_lock}'));

-- The maintainer owns what the service derives and rebuilds, so the service (its member) may make,
-- attach and drop a read model's generations and analyze them: every partitioned table and its
-- partitions. And the young people's keys, so that an erasure can rewrite their table.
GRANT USAGE, CREATE ON SCHEMA public TO "${maintainer_role}";
DO $$ DECLARE derived record; BEGIN
    FOR derived IN SELECT oid::regclass AS name FROM pg_class
                   WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
                     AND (relkind = 'p' OR relispartition OR relname = 'personal_data_key')
                     AND relowner <> (SELECT oid FROM pg_roles WHERE rolname = '${maintainer_role}') LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO %I', derived.name, '${maintainer_role}');
    END LOOP;
END $$;

-- The service reads and writes its working tables...
GRANT USAGE ON SCHEMA public TO "${service_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${service_role}";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "${service_role}";
-- ...but only adds to the record of what happened (ServiceRole refuses to start otherwise),
DO $$ DECLARE recorded text; BEGIN
    FOREACH recorded IN ARRAY string_to_array('${record_tables}', ',') LOOP
        IF to_regclass(recorded) IS NOT NULL THEN
            EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM %I', to_regclass(recorded), '${service_role}');
        END IF;
    END LOOP;
END $$;
-- and only reads which migrations ran: the platform's history and each side's (SideMigrations).
DO $$ DECLARE history record; BEGIN
    FOR history IN SELECT oid::regclass AS name FROM pg_class
                   WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
                     AND relname ~ '^flyway_[a-z]+_history$' LOOP
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM %I', history.name, '${service_role}');
    END LOOP;
END $$;

-- What the service may ask the owner to do for it (functions SECURITY DEFINER).
DO $$ BEGIN
    IF to_regprocedure('signpost_merge_read_log_index()') IS NOT NULL THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION signpost_merge_read_log_index() TO %I', '${service_role}');
    END IF;
END $$;
