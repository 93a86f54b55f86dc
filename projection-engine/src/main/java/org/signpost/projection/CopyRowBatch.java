package org.signpost.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows a projection's handlers write for one chunk of a rebuild's scan of the store, into
 * the generation being built: new rows go in by {@code COPY}, straight into the generation's own
 * tables (not partitions yet, so SQL on the partitioned table would miss them), and the rows of
 * {@link RowTable}s stay in memory, in the {@link RebuildRows}, until the scan is over.
 */
final class CopyRowBatch implements RowBatch {

    private final JdbcTemplate jdbc;
    private final int generation;
    private final RebuildRows rebuildRows;
    private final Map<RowInsert, CopyRows> copies = new LinkedHashMap<>();

    /** @param rebuildRows the rows of the whole rebuild */
    CopyRowBatch(JdbcTemplate jdbc, int generation, RebuildRows rebuildRows) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.rebuildRows = rebuildRows;
    }

    @Override
    public void insert(RowInsert row, Object... values) {
        copyRows(row).add(generation, values);
    }

    @Override
    public <R> void create(RowTable<R> table, Object key, Supplier<R> row) {
        rebuildRows.of(table).computeIfAbsent(key, k -> row.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> void change(RowTable<R> table, Object key, Consumer<R> change) {
        R row = (R) rebuildRows.of(table).get(key);
        if (row != null) {
            change.accept(row);
        }
    }

    /** Once the scan is over: every row of the rebuild's {@link RowTable}s goes in with this batch. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void copyRebuiltRows() {
        rebuildRows.tables().forEach((table, rows) -> {
            CopyRows lines = copyRows(table.rowInsert());
            rows.values().forEach(row -> lines.add(generation, ((RowTable) table).values(row)));
        });
    }

    private CopyRows copyRows(RowInsert row) {
        return copies.computeIfAbsent(row, r -> new CopyRows(r, rebuildRows.copyTypes(jdbc, r)));
    }

    @Override
    public void flush() {
        copies.forEach((row, lines) -> jdbc.execute((ConnectionCallback<Long>) connection ->
                lines.copyInto(connection, ProjectionGenerations.partition(row.table(), generation))));
        copies.clear();
    }
}
