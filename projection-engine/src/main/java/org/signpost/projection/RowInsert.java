package org.signpost.projection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A row a projection adds and never changes by a later insert (a later event may update it).
 * Live, it is an {@code INSERT ... ON CONFLICT DO NOTHING}, so an event seen twice adds nothing;
 * while a generation is rebuilt from the scan of the store it goes in by {@code COPY} (see
 * {@link CopyRows}), which PostgreSQL takes several times faster than one insert per event:
 * every event is scanned once, and into a generation that holds nothing else, so there is no
 * conflict to skip.
 *
 * @param columns the columns after {@code generation}; "name:type" casts the parameter in the
 *                live SQL (jsonb from text); {@code COPY} writes each value in its column's
 *                binary form, the columns' types read from the database
 */
public record RowInsert(String table, List<String> columns) {

    /** Stands for the generation written in the SQL made here; {@link LiveRowBatch} puts in the number. */
    static final String GENERATION = "{generation}";

    public static RowInsert into(String table, String... columns) {
        return new RowInsert(table, List.of(columns));
    }

    String insertSql() {
        String names = columns.stream().map(RowInsert::name).collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> c.contains(":") ? "?::" + c.substring(c.indexOf(':') + 1) : "?")
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (generation, " + names + ") VALUES (" + GENERATION + ", " + values
                + ") ON CONFLICT DO NOTHING";
    }

    /** Live writing of a {@link RowTable}'s row: added, or replacing the stored one. */
    String upsertSql() {
        String key = name(columns.get(0));
        String sets = columns.stream().skip(1).map(RowInsert::name).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return insertSql().replace("ON CONFLICT DO NOTHING",
                "ON CONFLICT (generation, " + key + ") DO UPDATE SET " + sets);
    }

    String selectSql() {
        return "SELECT " + columns.stream().map(RowInsert::name).collect(Collectors.joining(", ")) + " FROM " + table
                + " WHERE generation = " + GENERATION + " AND " + name(columns.get(0)) + " = ?";
    }

    /**
     * @param into the table of the generation being rebuilt, made in the transaction that copies
     *             into it: so its rows can go in frozen and marked visible to all (no other
     *             transaction sees the table before it commits). Otherwise the first reads after
     *             a replay rewrite every page to set the rows' hint bits, and autovacuum reads and
     *             writes them all again to freeze them, both while the read model is being used.
     */
    String copySql(String into) {
        return "COPY " + into + " (generation, " + String.join(", ", columnNames())
                + ") FROM STDIN (FORMAT binary, FREEZE)";
    }

    /** The columns after {@code generation}, without their casts. */
    List<String> columnNames() {
        return columns.stream().map(RowInsert::name).toList();
    }

    private static String name(String column) {
        int cast = column.indexOf(':');
        return cast < 0 ? column : column.substring(0, cast);
    }
}
