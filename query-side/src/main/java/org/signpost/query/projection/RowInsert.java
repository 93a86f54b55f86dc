package org.signpost.query.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A row a projection adds and never changes by a later insert (a later event may update it).
 * Live, it is an {@code INSERT ... ON CONFLICT DO NOTHING}, so an event seen twice adds nothing;
 * while a generation is rebuilt from the scan of the store it goes in by {@code COPY}, which
 * PostgreSQL takes several times faster than one insert per event: every event is scanned once,
 * and into a generation that holds nothing else, so there is no conflict to skip.
 *
 * @param columns the columns after {@code generation}; "name:type" casts the parameter in the
 *                live SQL (jsonb from text), {@code COPY} parses text for every type itself
 */
public record RowInsert(String table, List<String> columns) {

    public static RowInsert into(String table, String... columns) {
        return new RowInsert(table, List.of(columns));
    }

    String insertSql() {
        String names = columns.stream().map(RowInsert::name).collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> c.contains(":") ? "?::" + c.substring(c.indexOf(':') + 1) : "?")
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (generation, " + names + ") VALUES (" + SqlBatch.GENERATION + ", " + values
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
                + " WHERE generation = " + SqlBatch.GENERATION + " AND " + name(columns.get(0)) + " = ?";
    }

    /** @param into the table of the generation being rebuilt */
    String copySql(String into) {
        return "COPY " + into + " (generation, " + columns.stream().map(RowInsert::name)
                .collect(Collectors.joining(", ")) + ") FROM STDIN";
    }

    /** One line of COPY's text format. */
    void appendCopyLine(StringBuilder out, int generation, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Row for " + table + " has " + values.length + " values, not "
                    + columns.size() + ": " + Arrays.toString(columns.toArray()));
        }
        out.append(generation);
        for (Object value : values) {
            out.append('\t');
            appendCopyValue(out, value);
        }
        out.append('\n');
    }

    private static void appendCopyValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        // A Timestamp's own text is in the JVM's zone without saying so; an instant says UTC.
        String text = value instanceof Timestamp timestamp ? timestamp.toInstant().toString()
                : value instanceof Instant instant ? instant.toString()
                : value.toString();
        // Most values need no escape: copy the runs between the characters that do, not char by char.
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            String escape = switch (text.charAt(i)) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            if (escape != null) {
                out.append(text, run, i).append(escape);
                run = i + 1;
            }
        }
        out.append(text, run, text.length());
    }

    private static String name(String column) {
        int cast = column.indexOf(':');
        return cast < 0 ? column : column.substring(0, cast);
    }
}
