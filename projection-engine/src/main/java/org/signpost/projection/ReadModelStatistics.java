package org.signpost.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics of the read-model tables current. Every read-model table
 * is partitioned by generation, and autovacuum analyzes partitions but never a partitioned table
 * itself; without statistics of its own, a join over two of them was estimated at 500 times its
 * rows and given to parallel workers, 20 ms where the right plan takes under 1 ms (measured on
 * 100,000 rows, docs/benchmarks.md).
 * So a table is analyzed after a rebuild replaces its generation, and whenever its rows have
 * changed by a tenth since it last was (the threshold autovacuum uses for plain tables).
 */
@Component
public class ReadModelStatistics {

    private static final Logger log = LoggerFactory.getLogger(ReadModelStatistics.class);

    /** Fraction of rows changed since the last analysis that makes the statistics stale. */
    private static final double STALE = 0.1;
    /** Below this many rows, plans do not depend on the statistics enough to bother. */
    private static final long SMALL = 1_000;

    private final JdbcTemplate jdbc;
    private final ReadModels readModels;

    public ReadModelStatistics(JdbcTemplate jdbc, ReadModels readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    /** Analyzes a projection's tables (after its rebuilt generation has replaced the old one). */
    public void refresh(String projection) {
        readModels.tables(projection).forEach(this::analyze);
    }

    /** Analyzes each read-model table whose statistics are missing or stale. */
    @Scheduled(initialDelayString = "${signpost.projections.statistics-interval:PT1M}",
            fixedDelayString = "${signpost.projections.statistics-interval:PT1M}")
    public void refreshStale() {
        try {
            readModels.allTables().stream().filter(this::stale).forEach(this::analyze);
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next run tries again.
            log.warn("Refreshing the read models' statistics failed this time: {}", e.toString());
        }
    }

    /**
     * Stale when the table has no statistics of its own ({@code reltuples} -1), or the rows its
     * partitions hold, as autovacuum last counted them, differ by a tenth from the rows its own
     * statistics were taken from. (The partitions' live counts of the statistics collector are not
     * used: a count reported late is added to the one an analysis set, and doubles it.)
     */
    boolean stale(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT parent.reltuples < 0
                       OR abs(coalesce(sum(greatest(part.reltuples, 0)), 0) - parent.reltuples)
                          > greatest(parent.reltuples * ?, ?)
                FROM pg_class parent
                LEFT JOIN pg_inherits link ON link.inhparent = parent.oid
                LEFT JOIN pg_class part ON part.oid = link.inhrelid
                WHERE parent.oid = to_regclass(?)
                GROUP BY parent.reltuples""", Boolean.class, STALE, SMALL, table));
    }

    private void analyze(String table) {
        long start = System.nanoTime();
        jdbc.execute("ANALYZE " + table);
        log.debug("Analyzed {} in {} ms", table, (System.nanoTime() - start) / 1_000_000);
    }
}
