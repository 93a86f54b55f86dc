package org.signpost.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.TestDatabase;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several processes started at once on one database (`./signpost split`, compose) each migrate it,
 * the platform's migrations and then a side's (a history of its own: SideMigrations), and then
 * apply the grants again (afterMigrate.sql). Two GRANTs on one object at the same moment
 * fail in PostgreSQL ("tuple concurrently updated"), which stopped a query side of SplitScriptIT
 * at its start: the grants are applied one process at a time.
 */
class ConcurrentMigrationTest {

    private static final int PROCESSES = 4;
    private static final int ROUNDS = 6;
    private static final List<SideMigrations> SIDES = List.of(new SideMigrations("probe"));

    @Test
    void processesMigratingOneDatabaseAtOnceAllStart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(TestDatabase.freshDataDirectory())) {
            ExecutorService processes = Executors.newFixedThreadPool(PROCESSES);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<?>> migrations = new ArrayList<>();
                    for (int process = 0; process < PROCESSES; process++) {
                        migrations.add(processes.submit(() -> {
                            start.await();
                            SideMigrations.migrate(SchemaGrants.flyway(new DriverManagerDataSource(server.jdbcUrl(),
                                    DatabaseRoles.OWNER, server.credentials().owner())).load(), SIDES);
                            return null;
                        }));
                    }
                    start.countDown();
                    for (Future<?> migration : migrations) {
                        assertThat(migration).as("round %d", round).succeedsWithin(Duration.ofMinutes(2));
                    }
                }
            } finally {
                processes.shutdownNow();
            }
        }
    }

    /**
     * A side's migrations wait while another process applies the grants (holds their lock), so
     * that an ALTER TABLE of a side never meets a GRANT on the same table (a query side's column
     * migration against a command side's grants stopped SplitScriptIT's query side at its start).
     */
    @Test
    void aSidesMigrationsWaitForGrantsBeingApplied() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(TestDatabase.freshDataDirectory());
             Connection grants = server.superuserConnection()) {
            DriverManagerDataSource owner = new DriverManagerDataSource(server.jdbcUrl(), DatabaseRoles.OWNER,
                    server.credentials().owner());
            Flyway platform = SchemaGrants.flyway(owner).load();
            platform.migrate();
            try (Statement statement = grants.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(hashtext('" + SchemaGrants.LOCK + "'))");
            }
            ExecutorService process = Executors.newSingleThreadExecutor();
            try {
                Future<?> side = process.submit(() -> SIDES.get(0).migrateAlone(platform));
                Thread.sleep(1_000);
                assertThat(side).as("waits for the grants' lock").isNotDone();
                assertThat(tableExists(owner, "side_probe")).isFalse();
                try (Statement statement = grants.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(hashtext('" + SchemaGrants.LOCK + "'))");
                }
                assertThat(side).succeedsWithin(Duration.ofMinutes(1));
                assertThat(tableExists(owner, "side_probe")).isTrue();
            } finally {
                process.shutdownNow();
            }
        }
    }

    private static boolean tableExists(DriverManagerDataSource dataSource, String table) throws Exception {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
