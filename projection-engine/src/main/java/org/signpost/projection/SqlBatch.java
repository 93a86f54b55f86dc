package org.signpost.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements a projection's handlers produce for one batch of events, run in order at the
 * end of the batch, in the batch's transaction (the one that also stores the processor's
 * token). Consecutive executions of the same statement go to the database as one JDBC batch.
 *
 * <p>In bulk mode (a generation being rebuilt from the scan of the store) the batch's new rows
 * go in by {@code COPY}, straight into the generation's own tables, and the rows of
 * {@link RowTable}s stay in memory until the scan is over; there are no other statements.
 */
final class SqlBatch {

    private record Statement(String sql, Object[] args) {
    }

    static final String GENERATION = "{generation}";

    private final JdbcTemplate jdbc;
    private final int generation;
    private final boolean bulk;
    private final List<Statement> statements = new ArrayList<>();
    private final Map<RowInsert, CopyRows> copies = new LinkedHashMap<>();
    /** Bulk mode: the rows of the whole rebuild. */
    private final RebuildRows rebuildRows;
    /** Live mode: the rows this batch has read (empty: there is none), and those it changed. */
    private final Map<RowTable<?>, Map<Object, Optional<Object>>> loaded = new LinkedHashMap<>();
    private final Map<RowTable<?>, Set<Object>> changed = new LinkedHashMap<>();

    SqlBatch(JdbcTemplate jdbc, int generation) {
        this(jdbc, generation, null);
    }

    /** @param rebuildRows non-null for bulk mode */
    SqlBatch(JdbcTemplate jdbc, int generation, RebuildRows rebuildRows) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.bulk = rebuildRows != null;
        this.rebuildRows = rebuildRows;
    }

    /**
     * Queues a statement; {@code {generation}} in it stands for the generation being built (a
     * number of ours, never input, so it is written into the SQL).
     */
    void add(String sql, Object... args) {
        if (bulk) {
            // The scan writes into tables that are not partitions yet: SQL on the partitioned table would miss them.
            throw new IllegalStateException("A rebuild from the scan only adds rows and keeps row tables in memory");
        }
        Object[] bound = args.clone();
        for (int i = 0; i < bound.length; i++) {
            bound[i] = StorableValues.of(bound[i] instanceof Utf8Text text ? text.toString() : bound[i]);
        }
        statements.add(new Statement(sql.replace(GENERATION, Integer.toString(generation)), bound));
    }

    void insert(RowInsert row, Object... values) {
        if (bulk) {
            copyRows(row).add(generation, values);
        } else {
            add(row.insertSql(), values);
        }
    }

    /** Adds the row under this key unless there is one. */
    <R> void create(RowTable<R> table, Object key, Supplier<R> row) {
        if (find(table, key) == null) {
            store(table, key, row.get());
        }
    }

    /** Changes the row under this key, if there is one. */
    <R> void change(RowTable<R> table, Object key, Consumer<R> change) {
        R row = find(table, key);
        if (row != null) {
            change.accept(row);
            store(table, key, row);
        }
    }

    @SuppressWarnings("unchecked")
    private <R> R find(RowTable<R> table, Object key) {
        if (bulk) {
            return (R) rebuildRows.of(table).get(key);
        }
        return (R) loaded.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(key, k -> jdbc.query(
                table.columns().selectSql().replace(GENERATION, Integer.toString(generation)),
                (rs, i) -> table.read(rs), key).stream().findFirst().map(Object.class::cast)).orElse(null);
    }

    private <R> void store(RowTable<R> table, Object key, R row) {
        if (bulk) {
            rebuildRows.of(table).put(key, row);
        } else {
            loaded.get(table).put(key, Optional.of(row));
            changed.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(key);
        }
    }

    /** Bulk mode, once the scan is over: every row of the rebuild goes in with this batch. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void copyRebuiltRows() {
        rebuildRows.tables().forEach((table, rows) -> {
            CopyRows lines = copyRows(table.columns());
            rows.values().forEach(row -> lines.add(generation, ((RowTable) table).values(row)));
        });
    }

    private CopyRows copyRows(RowInsert row) {
        return copies.computeIfAbsent(row, r -> new CopyRows(r, rebuildRows.copyTypes(jdbc, r)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void flush() {
        changed.forEach((table, keys) -> {
            Map<Object, Optional<Object>> rows = loaded.get(table);
            for (Object key : keys) {
                add(table.columns().upsertSql(), ((RowTable) table).values(rows.get(key).orElseThrow()));
            }
        });
        changed.clear();
        loaded.clear();
        copies.forEach((row, lines) -> jdbc.execute((ConnectionCallback<Long>) connection ->
                lines.copyInto(connection, ProjectionGenerations.partition(row.table(), generation))));
        copies.clear();
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
