package org.signpost.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database migrated before the sides had migrations of their own (the platform's V1 to V20 in
 * flyway_schema_history, nothing else) starts with a side's: its history begins at a baseline, its
 * first migration runs, the service may use its table but not change its history, the platform's
 * history is untouched, and a process without that side still finds the schema current.
 */
class SideMigrationsTest {

    private static final List<SideMigrations> PROBE = List.of(new SideMigrations("probe"));

    @Test
    void aDatabaseMigratedByTheEarlierVersionTakesASidesMigrationsOnTop() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(TestDatabase.freshDataDirectory())) {
            DataSource owner = new DriverManagerDataSource(server.jdbcUrl(), DatabaseRoles.OWNER,
                    server.credentials().owner());
            Flyway platform = SchemaGrants.flyway(owner).load();
            platform.migrate();
            JdbcTemplate db = new JdbcTemplate(owner);
            String history = "SELECT type || ' ' || version || ' ' || checksum FROM %s ORDER BY installed_rank";
            List<String> platformHistory = db.queryForList(history.formatted("flyway_schema_history"), String.class);
            assertThatThrownBy(() -> SideMigrations.validate(platform, PROBE)).as("the side's migration is pending")
                    .hasMessageContaining("not applied");

            SideMigrations.migrate(platform, PROBE);

            assertThat(db.queryForList("SELECT type || ' ' || version FROM flyway_probe_history ORDER BY installed_rank",
                    String.class)).containsExactly("BASELINE 0", "SQL 1");
            assertThat(db.queryForList(history.formatted("flyway_schema_history"), String.class))
                    .isEqualTo(platformHistory);
            JdbcTemplate service = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(),
                    DatabaseRoles.SERVICE, server.credentials().service()));
            service.update("INSERT INTO side_probe VALUES (1, 'written by the service')");
            assertThat(service.queryForObject("SELECT count(*) FROM flyway_probe_history", Long.class)).isEqualTo(2);
            assertThatThrownBy(() -> service.update("DELETE FROM flyway_probe_history")).rootCause()
                    .hasMessageContaining("permission denied");

            // Started again with the side, and as a process without it: nothing to do, nothing missing.
            SideMigrations.validate(platform, PROBE);
            SideMigrations.migrate(platform, PROBE);
            SideMigrations.validate(platform, List.of());
            assertThat(db.queryForObject("SELECT count(*) FROM flyway_probe_history", Long.class)).isEqualTo(2);
        }
    }
}
