package org.signpost.projection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements one projection's handlers produce for one chunk of a replay, aimed at the
 * generation it is rebuilding. The replay engine hands them to the handlers through the unit of
 * work and runs them itself, in its own transactions.
 */
final class RebuildBatches {

    static final String RESOURCE = RebuildBatches.class.getName();

    private final String projection;
    private final SqlBatch batch;

    /**
     * @param rows the rows of the whole rebuild, when new rows may go in by COPY (the scan of the
     *             store, whose events each reach a generation once); null for the catch-up at the
     *             hand-over, which writes as the live projection does
     */
    RebuildBatches(JdbcTemplate jdbc, String projection, int generation, RebuildRows rows) {
        this.projection = projection;
        this.batch = new SqlBatch(jdbc, generation, rows);
    }

    SqlBatch batch(String projection) {
        if (!this.projection.equals(projection)) {
            throw new IllegalStateException("Projection " + projection + " is not being rebuilt");
        }
        return batch;
    }

    void flush() {
        batch.flush();
    }
}
