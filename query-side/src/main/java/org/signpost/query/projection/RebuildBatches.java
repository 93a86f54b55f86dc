package org.signpost.query.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements the projections' handlers produce for one chunk of a replay, per projection,
 * each aimed at the generation that projection is rebuilding. The replay engine hands them to
 * the handlers through the unit of work and runs them itself, in its own transactions.
 */
final class RebuildBatches {

    static final String RESOURCE = RebuildBatches.class.getName();

    private final JdbcTemplate jdbc;
    private final Map<String, Integer> generations;
    private final Map<String, RebuildRows> rows;
    private final Map<String, SqlBatch> batches = new LinkedHashMap<>();

    /**
     * @param rows the rows of the whole rebuild, per projection, when new rows may go in by
     *             COPY (the scan of the store, whose events each reach a generation once); null
     *             for the catch-up at the hand-over, which writes as the live projection does
     */
    RebuildBatches(JdbcTemplate jdbc, Map<String, Integer> generations, Map<String, RebuildRows> rows) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.rows = rows;
    }

    SqlBatch batch(String projection) {
        return batches.computeIfAbsent(projection, name -> {
            Integer generation = generations.get(name);
            if (generation == null) {
                throw new IllegalStateException("Projection " + name + " is not being rebuilt");
            }
            return new SqlBatch(jdbc, generation, rows == null ? null : rows.get(name));
        });
    }

    void flush() {
        batches.values().forEach(SqlBatch::flush);
    }
}
