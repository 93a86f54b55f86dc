package org.signpost.platform.database;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * What the migrations grant the service after every run (db/migration/afterMigrate.sql): the
 * names it needs, given to Flyway as placeholders, so that the script and {@link ServiceRole}'s
 * check name the same record.
 */
public final class SchemaGrants {

    /**
     * The record of what happened: the events, their seals, the log of personal-data reads, what
     * the unkeyed chain of earlier versions showed, and from where rows carry a MAC. The service may
     * add to them, never change them.
     */
    public static final List<String> RECORD = List.of("domain_event_entry", "chain_seal", "personal_data_read",
            "event_chain_handover", "event_chain", "chain_row_mac");

    /**
     * The advisory lock held while the grants are applied (afterMigrate.sql) and while a side's own
     * migrations run (SideMigrations): one process at a time changes the tables' rows of pg_class.
     */
    public static final String LOCK = "signpost: afterMigrate grants";

    private SchemaGrants() {
    }

    static Map<String, String> placeholders(String serviceRole, String maintainerRole) {
        return Map.of("service_role", serviceRole, "maintainer_role", maintainerRole,
                "record_tables", String.join(",", RECORD), "grants_lock", LOCK);
    }

    /** The platform's Flyway as the embedded service configures it, for a database of its own (tests, tools). */
    public static FluentConfiguration flyway(DataSource owner) {
        return Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                .placeholders(placeholders(DatabaseRoles.SERVICE, DatabaseRoles.MAINTAINER));
    }
}
