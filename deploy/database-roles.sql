-- Signpost's roles on an external PostgreSQL (docs/security.md, "Database roles"). Run once, as a superuser,
-- in the database Signpost will use, with the two passwords as psql variables:
--
--   psql -v ON_ERROR_STOP=1 -d signpost -v owner_password="..." -v service_password="..." \
--        -f deploy/database-roles.sql
--
-- signpost_owner owns the schema and runs the migrations; signpost_maintainer (no login) owns
-- only what the service derives and rebuilds (read models, the young people's keys);
-- signpost, the role the service runs as, owns nothing and may only add to the events, their
-- seals and the read log. The service refuses to start as a role that could change them.
CREATE ROLE signpost_maintainer NOLOGIN;
CREATE ROLE signpost_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE signpost LOGIN PASSWORD :'service_password';
GRANT signpost_maintainer TO signpost_owner, signpost;

SELECT format('ALTER DATABASE %I OWNER TO signpost_owner', current_database()) \gexec
ALTER SCHEMA public OWNER TO signpost_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Optional: after an erasure, the service switches the WAL and checkpoints, so that the WAL
-- files that held the erased person's key are removed (both need a superuser, so the service may
-- do just this through a function). Without it, they go when PostgreSQL's own checkpoints
-- recycle them; archives and replicas of the WAL keep them either way (docs/security.md).
CREATE SCHEMA signpost_admin;
REVOKE ALL ON SCHEMA signpost_admin FROM PUBLIC;
GRANT USAGE ON SCHEMA signpost_admin TO signpost_maintainer;
CREATE FUNCTION signpost_admin.recycle_wal() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    PERFORM pg_switch_wal();
    CHECKPOINT;
END $$;
REVOKE ALL ON FUNCTION signpost_admin.recycle_wal() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION signpost_admin.recycle_wal() TO signpost_maintainer;
