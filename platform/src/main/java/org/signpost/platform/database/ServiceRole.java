package org.signpost.platform.database;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The role the service runs as, checked at every start: if it could change the history it
 * keeps (a superuser, the owner of the database, the schema or a record table, or a role with
 * UPDATE or DELETE on one), the service refuses to start rather than run with that power.
 */
public final class ServiceRole {

    private final JdbcTemplate jdbc;
    private final String maintainerRole;

    ServiceRole(DataSource dataSource, String maintainerRole) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.maintainerRole = maintainerRole;
    }

    public String maintainerRole() {
        return maintainerRole;
    }

    void verifyItCannotChangeTheRecord() {
        List<String> powers = powers();
        if (!powers.isEmpty()) {
            throw new IllegalStateException("The database role " + jdbc.queryForObject("SELECT current_user", String.class)
                    + " that the service runs as could change the history it keeps: " + String.join("; ", powers)
                    + ". Run the service as a role that owns nothing, with the migrations run by an owner "
                    + "(SIGNPOST_DB_OWNER_USER): see docs/security.md, \"Database roles\".");
        }
    }

    /** What the role may do that it must not. */
    List<String> powers() {
        List<String> powers = new ArrayList<>();
        jdbc.query("""
                SELECT rolsuper, rolcreaterole, rolbypassrls,
                       pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE'),
                       pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'USAGE')
                FROM pg_roles WHERE rolname = current_user""", rs -> {
            if (rs.getBoolean(1)) {
                powers.add("it is a superuser");
            }
            if (rs.getBoolean(2)) {
                powers.add("it may create roles");
            }
            if (rs.getBoolean(3)) {
                powers.add("it bypasses row security");
            }
            if (rs.getBoolean(4)) {
                powers.add("it owns the database");
            }
            if (rs.getBoolean(5)) {
                powers.add("it owns the schema");
            }
        });
        for (String table : SchemaGrants.RECORD) {
            jdbc.query("""
                    SELECT pg_has_role(current_user, relowner, 'USAGE'),
                           has_table_privilege(current_user, oid, 'UPDATE'), has_table_privilege(current_user, oid, 'DELETE'),
                           has_table_privilege(current_user, oid, 'TRUNCATE')
                    FROM pg_class WHERE oid = to_regclass(?)""", rs -> {
                if (rs.getBoolean(1)) {
                    powers.add("it owns " + table + " (and could switch off its triggers)");
                } else if (rs.getBoolean(2) || rs.getBoolean(3) || rs.getBoolean(4)) {
                    powers.add("it may update, delete or truncate " + table);
                }
            }, table);
        }
        return powers;
    }
}
