package org.signpost.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * A side's own migrations, of the tables that side alone uses: in its module, under
 * {@code db/<side>}, with a history table of its own ({@code flyway_<side>_history}), run after
 * the platform's. Adding a table then touches that side only, and a process without the side
 * neither runs its migrations nor misses them.
 *
 * <p>Why a history of its own rather than more locations for the platform's Flyway: one history
 * holds one sequence of versions for every process, so a command side would find the query side's
 * applied migrations missing from its classpath (and refuse to start, or need them ignored), and
 * each side's new versions would have to be numbered against the other's and applied out of order.
 * The platform's V1 to V20 stay where they are: they made every table before the sides had
 * migrations of their own, and moving one would change the history of every existing database.
 * On a database that has none yet, a side's history starts at a baseline of version 0, so its V1
 * is the first to run. The command side has no migrations yet; the first will start its history.
 */
public record SideMigrations(String side) {

    public SideMigrations {
        if (!side.matches("[a-z]+")) {
            throw new IllegalArgumentException("A side's name is lower-case letters: " + side);
        }
    }

    /**
     * The platform's migrations, then each side's; then the platform's again, which finds nothing
     * to do but applies the grants (afterMigrate.sql) to what the sides made: the grants are the
     * platform's, and Flyway finds a callback only in a migration's own locations.
     */
    public static void migrate(Flyway platform, List<SideMigrations> sides) {
        platform.migrate();
        List<SideMigrations> withMigrations = withMigrations(platform, sides);
        if (!withMigrations.isEmpty()) {
            withMigrations.forEach(side -> side.migrateAlone(platform));
            platform.migrate();
        }
    }

    /**
     * This side's migrations while no other process applies the grants: a migration that alters a
     * table (a new column) and another process's GRANT on every table update that table's row of
     * pg_class at once, and one of them fails ("tuple concurrently updated"; a query side of
     * SplitScriptIT died so at start). Flyway's own lock is per history table, so it does not keep
     * a side's migrations apart from the platform's grants.
     */
    void migrateAlone(Flyway platform) {
        try (Connection connection = platform.getConfiguration().getDataSource().getConnection();
             PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(hashtext(?))");
             PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            lock.setString(1, SchemaGrants.LOCK);
            unlock.setString(1, SchemaGrants.LOCK);
            lock.execute();
            try {
                flyway(platform).migrate();
            } finally {
                unlock.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hold the grants' lock for the " + side + " side's migrations", e);
        }
    }

    /** Fails unless the platform's migrations and every side's have all been applied. */
    public static void validate(Flyway platform, List<SideMigrations> sides) {
        platform.validate();
        withMigrations(platform, sides).forEach(side -> side.flyway(platform).validate());
    }

    /**
     * The sides with a migration in their location: a side with none yet has no history to begin
     * (its baseline comes with its first migration), and Flyway would warn of it at every start.
     */
    private static List<SideMigrations> withMigrations(Flyway platform, List<SideMigrations> sides) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                platform.getConfiguration().getClassLoader());
        return sides.stream().filter(side -> {
            try {
                return resolver.getResources("classpath*:db/" + side.side() + "/V*.sql").length > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** This side's Flyway: the platform's settings (connection, placeholders), its own location and history. */
    Flyway flyway(Flyway platform) {
        return Flyway.configure().configuration(platform.getConfiguration())
                .locations("classpath:db/" + side)
                .table("flyway_" + side + "_history")
                .baselineOnMigrate(true).baselineVersion("0")
                .load();
    }
}
