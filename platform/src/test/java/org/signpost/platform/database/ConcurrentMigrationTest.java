package org.signpost.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
}
