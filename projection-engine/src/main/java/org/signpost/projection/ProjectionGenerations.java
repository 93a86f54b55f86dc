package org.signpost.projection;

import java.util.List;
import java.util.function.IntPredicate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which generation of each read model is read (active) and which is written (building). They
 * differ only during a replay: reads go on from the complete old generation while the new one
 * is built; once the new one has caught up with the live processor, it becomes active and the
 * old one is dropped. Every read-model table is partitioned by generation, one partition each
 * (named {@code <table>_g<generation>}).
 */
public class ProjectionGenerations {

    private final JdbcTemplate jdbc;
    private final ReadModels readModels;
    private final String maintainerRole;

    /**
     * @param maintainerRole the database role that owns the read models' tables: the rebuilt
     *                       generations' tables are made as it
     */
    public ProjectionGenerations(JdbcTemplate jdbc, ReadModels readModels, String maintainerRole) {
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.maintainerRole = maintainerRole;
    }

    /** The generation that is read, and written by the live processor; a projection seen for the first time starts at 1. */
    public int activeGeneration(String projection) {
        // Asked by every batch of every live processor: one query when the projection is known
        // (always, after its first batch), the insert only when it is not.
        List<Integer> active = recordedActive(projection);
        if (active.isEmpty()) {
            ensureKnown(projection);
            active = recordedActive(projection);
        }
        return active.get(0);
    }

    private List<Integer> recordedActive(String projection) {
        return jdbc.queryForList("SELECT active FROM projection_generation WHERE projection = ?", Integer.class,
                projection);
    }

    private void ensureKnown(String projection) {
        jdbc.update("INSERT INTO projection_generation (projection, active, building) VALUES (?, 1, 1) "
                + "ON CONFLICT (projection) DO NOTHING", projection);
    }

    /** SQL for the active generation, to embed in every read: {@code generation = (...)}. */
    public static String active(String projection) {
        return "(SELECT active FROM projection_generation WHERE projection = '" + projection + "')";
    }

    /**
     * A replay starts: a fresh generation after the active one, after dropping what an earlier
     * attempt may have left; returns its number. Its tables are made by
     * {@link #createRebuildTables}, in the transaction that fills them.
     */
    public int startRebuild(String projection) {
        ensureKnown(projection);
        Rebuild current = rebuild(projection);
        int next = Math.max(current.active(), current.building()) + 1;
        for (String table : readModels.tables(projection)) {
            dropGenerations(table, generation -> generation > current.active());
        }
        jdbc.update("UPDATE projection_generation SET building = ? WHERE projection = ?", next, projection);
        return next;
    }

    /**
     * The tables of a generation being rebuilt, not yet partitions and without indexes (see
     * {@link #attachRebuilt}). Made in the transaction that then copies every row in: with
     * {@code wal_level = minimal} (the embedded server's) PostgreSQL writes the rows of a table
     * made in the same transaction straight to its files, synced at commit, rather than a
     * second time into the WAL (625 MB per replay of a million events). Rolled back, they go.
     */
    public void createRebuildTables(String projection, int generation) {
        // Made as the maintainer, the read models' owner, so that the role the service runs as owns
        // nothing; the rest of the transaction (the copy into them) runs as the maintainer too.
        jdbc.execute("SET LOCAL ROLE \"" + maintainerRole + "\"");
        for (String table : readModels.tables(projection)) {
            String partition = partition(table, generation);
            jdbc.execute("CREATE TABLE " + partition + " (LIKE " + table + " INCLUDING DEFAULTS)");
            // Lets the attachment trust the rows instead of scanning them.
            jdbc.execute("ALTER TABLE " + partition + " ADD CONSTRAINT " + partition + "_generation CHECK (generation = "
                    + generation + ")");
        }
    }

    /**
     * The scan of the store has filled the rebuilt generation's tables: they become its
     * partitions, and PostgreSQL builds their indexes now, each in one pass over the rows.
     */
    public void attachRebuilt(String projection, int generation) {
        for (String table : readModels.tables(projection)) {
            jdbc.execute("ALTER TABLE " + table + " ATTACH PARTITION " + partition(table, generation)
                    + " FOR VALUES IN (" + generation + ")");
        }
    }

    /** The table of one generation of a read-model table. */
    static String partition(String table, int generation) {
        return table + "_g" + generation;
    }

    /** A rebuild that will not complete (it failed or its process stopped): its rows go, reads stay where they are. */
    public void abandonRebuild(String projection) {
        Rebuild current = rebuild(projection);
        for (String table : readModels.tables(projection)) {
            dropGenerations(table, generation -> generation > current.active());
        }
        jdbc.update("UPDATE projection_generation SET building = active WHERE projection = ?", projection);
    }

    /** Whether a rebuild is under way. */
    public Rebuild rebuild(String projection) {
        // Read-only: it is polled often, and a projection not seen yet has no rebuild.
        return jdbc.query(
                "SELECT active, building FROM projection_generation WHERE projection = ?",
                (rs, i) -> new Rebuild(rs.getInt("active"), rs.getInt("building")),
                projection).stream().findFirst().orElse(new Rebuild(1, 1));
    }

    /**
     * The rebuilt generation becomes the one read, in the caller's transaction. Its old rows are
     * deleted afterwards by {@link #deleteOldGenerations}, outside that transaction, so the
     * switch itself stays short.
     */
    public void completeRebuild(String projection) {
        jdbc.update("UPDATE projection_generation SET active = building WHERE projection = ? AND active <> building",
                projection);
    }

    /**
     * Drops the generations older than the active one. Not in a transaction: each partition is
     * detached concurrently, so that reads of the active generation never wait for it.
     */
    public void deleteOldGenerations(String projection) {
        int active = activeGeneration(projection);
        for (String table : readModels.tables(projection)) {
            for (String partition : generationTables(table, generation -> generation < active)) {
                if (attached(partition)) {
                    jdbc.execute("ALTER TABLE " + table + " DETACH PARTITION " + partition + " CONCURRENTLY");
                }
                jdbc.execute("DROP TABLE " + partition);
            }
        }
    }

    private void dropGenerations(String table, IntPredicate which) {
        generationTables(table, which).forEach(partition -> jdbc.execute("DROP TABLE " + partition));
    }

    /** The tables of the generations of a read-model table that match, attached or not. */
    private List<String> generationTables(String table, IntPredicate which) {
        return jdbc.queryForList("""
                        SELECT relname FROM pg_class
                        WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relname ~ ?""",
                        String.class, "^" + table + "_g[0-9]+$").stream()
                .filter(name -> which.test(Integer.parseInt(name.substring(table.length() + 2))))
                .toList();
    }

    private boolean attached(String partition) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT relispartition FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname = ?",
                Boolean.class, partition));
    }

    public record Rebuild(int active, int building) {

        public boolean underWay() {
            return active != building;
        }
    }
}
