package org.signpost.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * A read-model table whose rows many events change (the state of a case as it moves on). The
 * handlers change a row object, never the table with SQL, so the same code serves both ways of
 * storing them: live, a batch of events loads each row it touches once and writes it back once
 * (an upsert); a rebuild from the scan of the store keeps every row in memory until the scan
 * ends and then adds them all by {@code COPY}, instead of one update per event.
 *
 * @param <R> the row; handlers may change it in place
 */
public abstract class RowTable<R> {

    private final RowInsert columns;

    /** @param columns the table and its columns, the key first */
    protected RowTable(RowInsert columns) {
        this.columns = columns;
    }

    public RowInsert rowInsert() {
        return columns;
    }

    /** The row's values in the order of {@link #rowInsert()}. */
    public abstract Object[] values(R row);

    /** A row from a result set of {@code SELECT} of {@link #rowInsert()}. */
    public abstract R read(ResultSet resultSet) throws SQLException;

    protected static LocalDate date(ResultSet resultSet, String column) throws SQLException {
        return resultSet.getObject(column, LocalDate.class);
    }
}
