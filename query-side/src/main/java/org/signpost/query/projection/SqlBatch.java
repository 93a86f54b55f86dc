package org.signpost.query.projection;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements a projection's handlers produce for one batch of events, run in order at the
 * end of the batch, in the batch's transaction (the one that also stores the processor's
 * token). Consecutive executions of the same statement go to the database as one JDBC batch.
 */
final class SqlBatch {

    private record Statement(String sql, Object[] args) {
    }

    static final String GENERATION = "{generation}";

    private final JdbcTemplate jdbc;
    private final int generation;
    private final List<Statement> statements = new ArrayList<>();

    SqlBatch(JdbcTemplate jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    /**
     * Queues a statement; {@code {generation}} in it stands for the generation being built (a
     * number of ours, never input, so it is written into the SQL).
     */
    void add(String sql, Object... args) {
        statements.add(new Statement(sql.replace(GENERATION, Integer.toString(generation)), args));
    }

    void flush() {
        int start = 0;
        while (start < statements.size()) {
            String sql = statements.get(start).sql();
            int end = start;
            List<Object[]> args = new ArrayList<>();
            while (end < statements.size() && statements.get(end).sql().equals(sql)) {
                args.add(statements.get(end).args());
                end++;
            }
            if (args.size() == 1) {
                jdbc.update(sql, args.get(0));
            } else {
                jdbc.batchUpdate(sql, args);
            }
            start = end;
        }
        statements.clear();
    }
}
