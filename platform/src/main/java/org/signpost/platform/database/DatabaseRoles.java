package org.signpost.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The roles Signpost's database is used through, so that the running service cannot change the
 * history it keeps: an owner, which owns the schema and runs the migrations; a maintainer
 * (no login), which owns only the data the service derives and rebuilds (the read models and
 * their generations) and the young people's keys (an erasure rewrites their table); and the
 * service, which logs in, owns nothing, is a member of the maintainer, and may only add to the
 * events, their seals and the read log (grants: db/migration/afterMigrate.sql). On an external
 * PostgreSQL a database administrator makes them (docs/security.md, "Database roles"); the embedded one
 * makes them itself.
 */
public final class DatabaseRoles {

    public static final String OWNER = "signpost_owner";
    public static final String MAINTAINER = "signpost_maintainer";
    public static final String SERVICE = "signpost";
    /** Functions that need more than the owner's rights, made by a superuser (optional on an external server). */
    public static final String ADMIN_SCHEMA = "signpost_admin";
    /** Switches to a new WAL file and checkpoints, so that the WAL written before goes. */
    public static final String RECYCLE_WAL = ADMIN_SCHEMA + ".recycle_wal()";

    private DatabaseRoles() {
    }

    /** On the embedded server, as its superuser, at every start (so a changed password file takes effect). */
    static void setUp(Connection superuser, DatabaseCredentials credentials) throws SQLException {
        try (Statement sql = superuser.createStatement()) {
            sql.execute("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s NOLOGIN; END IF;
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN CREATE ROLE %2$s LOGIN; END IF;
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%3$s') THEN CREATE ROLE %3$s LOGIN; END IF;
                    END $$""".formatted(MAINTAINER, OWNER, SERVICE));
            sql.execute("ALTER ROLE " + OWNER + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS PASSWORD '" + credentials.owner() + "'");
            sql.execute("ALTER ROLE " + SERVICE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS INHERIT PASSWORD '" + credentials.service() + "'");
            sql.execute("GRANT " + MAINTAINER + " TO " + OWNER + ", " + SERVICE);
            sql.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            // An installation made before these roles had everything owned by the superuser.
            sql.execute("""
                    DO $$ DECLARE object record; BEGIN
                        FOR object IN SELECT oid::regclass AS name, relkind FROM pg_class
                                      WHERE relnamespace = 'public'::regnamespace AND relowner = 'postgres'::regrole
                                        AND relkind IN ('r', 'p', 'S', 'v', 'm') LOOP
                            EXECUTE format(CASE WHEN object.relkind = 'S' THEN 'ALTER SEQUENCE %%s OWNER TO %1$s'
                                                ELSE 'ALTER TABLE %%s OWNER TO %1$s' END, object.name);
                        END LOOP;
                        FOR object IN SELECT oid::regprocedure AS name FROM pg_proc
                                      WHERE pronamespace = 'public'::regnamespace AND proowner = 'postgres'::regrole LOOP
                            EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', object.name);
                        END LOOP;
                    END $$""".formatted(OWNER));
            // After an erasure, the WAL that held the erased key is switched away from and removed
            // at a checkpoint; both need the superuser, so the service may do just that through
            // this function (PersonalDataKeys). It lives apart from the schema the migrations
            // own. On an external server it is optional (docs/security.md, "Database roles").
            sql.execute("CREATE SCHEMA IF NOT EXISTS " + ADMIN_SCHEMA);
            sql.execute("REVOKE ALL ON SCHEMA " + ADMIN_SCHEMA + " FROM PUBLIC");
            sql.execute("GRANT USAGE ON SCHEMA " + ADMIN_SCHEMA + " TO " + MAINTAINER);
            sql.execute("""
                    CREATE OR REPLACE FUNCTION %s.recycle_wal() RETURNS void
                    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
                    BEGIN
                        PERFORM pg_switch_wal();
                        CHECKPOINT;
                    END $$""".formatted(ADMIN_SCHEMA));
            sql.execute("REVOKE ALL ON FUNCTION " + RECYCLE_WAL + " FROM PUBLIC");
            sql.execute("GRANT EXECUTE ON FUNCTION " + RECYCLE_WAL + " TO " + MAINTAINER);
        }
    }
}
