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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows a projection's handlers write for one batch of events of the live processor (or of
 * the catch-up at a hand-over): statements run in order at the end of the batch, in the batch's
 * transaction (the one that also stores the processor's token). A new row is an insert that
 * skips a row already there; a {@link RowTable}'s row is read once per batch and written back
 * once, by an upsert. Consecutive executions of the same statement go as one JDBC batch.
 */
final class LiveRowBatch implements RowBatch {

    private record Statement(String sql, Object[] args) {
    }

    private final JdbcTemplate jdbc;
    private final int generation;
    private final List<Statement> statements = new ArrayList<>();
    /** The rows this batch has read (empty: there is none), and those it changed. */
    private final Map<RowTable<?>, Map<Object, Optional<Object>>> loaded = new LinkedHashMap<>();
    private final Map<RowTable<?>, Set<Object>> changed = new LinkedHashMap<>();

    LiveRowBatch(JdbcTemplate jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    @Override
    public void insert(RowInsert row, Object... values) {
        add(row.insertSql(), values);
    }

    @Override
    public <R> void create(RowTable<R> table, Object key, Supplier<R> row) {
        if (find(table, key) == null) {
            store(table, key, row.get());
        }
    }

    @Override
    public <R> void change(RowTable<R> table, Object key, Consumer<R> change) {
        R row = find(table, key);
        if (row != null) {
            change.accept(row);
            store(table, key, row);
        }
    }

    /**
     * Queues a statement; {@link RowInsert#GENERATION} in it stands for the generation written
     * (a number of ours, never input, so it is written into the SQL).
     */
    private void add(String sql, Object... args) {
        Object[] bound = args.clone();
        for (int i = 0; i < bound.length; i++) {
            bound[i] = StorableValues.of(bound[i] instanceof Utf8Text text ? text.toString() : bound[i]);
        }
        statements.add(new Statement(sql.replace(RowInsert.GENERATION, Integer.toString(generation)), bound));
    }

    @SuppressWarnings("unchecked")
    private <R> R find(RowTable<R> table, Object key) {
        return (R) loaded.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(key, k -> jdbc.query(
                table.rowInsert().selectSql().replace(RowInsert.GENERATION, Integer.toString(generation)),
                (rs, i) -> table.read(rs), key).stream().findFirst().map(Object.class::cast)).orElse(null);
    }

    private <R> void store(RowTable<R> table, Object key, R row) {
        loaded.get(table).put(key, Optional.of(row));
        changed.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(key);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void flush() {
        changed.forEach((table, keys) -> {
            Map<Object, Optional<Object>> rows = loaded.get(table);
            for (Object key : keys) {
                add(table.rowInsert().upsertSql(), ((RowTable) table).values(rows.get(key).orElseThrow()));
            }
        });
        changed.clear();
        loaded.clear();
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
