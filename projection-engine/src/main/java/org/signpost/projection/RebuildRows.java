package org.signpost.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of a projection's {@link RowTable}s while a rebuild scans the store: they live here,
 * across the scan's chunks, and go into the new generation when the scan is over. The new
 * generation holds nothing before, so a row not here does not exist yet. Also the types of the
 * columns the rebuild copies into, read once per table.
 */
final class RebuildRows {

    private final Map<RowTable<?>, Map<Object, Object>> tables = new LinkedHashMap<>();
    /** Read by the builder and its writer alike. */
    private final Map<String, List<CopyColumnType>> copyTypes = new ConcurrentHashMap<>();

    Map<Object, Object> of(RowTable<?> table) {
        return tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
    }

    Map<RowTable<?>, Map<Object, Object>> tables() {
        return tables;
    }

    /** How to copy each column of this row, {@code generation} first, as the database declares them. */
    List<CopyColumnType> copyTypes(JdbcTemplate jdbc, RowInsert row) {
        return copyTypes.computeIfAbsent(row.table(), table -> {
            Map<String, String> declared = new LinkedHashMap<>();
            jdbc.query("""
                    SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
                    WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped""",
                    rs -> {
                        declared.put(rs.getString(1), rs.getString(2));
                    }, table);
            List<String> columns = new ArrayList<>();
            columns.add("generation");
            columns.addAll(row.columnNames());
            List<CopyColumnType> types = new ArrayList<>();
            for (String column : columns) {
                String type = declared.get(column);
                if (type == null) {
                    throw new IllegalStateException("Table " + table + " has no column " + column);
                }
                types.add(CopyColumnType.of(type).orElseThrow(() -> new IllegalStateException(
                        "Column " + table + "." + column + " is of type " + type + ", which a rebuild cannot copy")));
            }
            return List.copyOf(types);
        });
    }
}
