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
    private final Map<String, SqlBatch> batches = new LinkedHashMap<>();

    RebuildBatches(JdbcTemplate jdbc, Map<String, Integer> generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    SqlBatch batch(String projection) {
        return batches.computeIfAbsent(projection, name -> {
            Integer generation = generations.get(name);
            if (generation == null) {
                throw new IllegalStateException("Projection " + name + " is not being rebuilt");
            }
            return new SqlBatch(jdbc, generation);
        });
    }

    void flush() {
        batches.values().forEach(SqlBatch::flush);
    }
}
