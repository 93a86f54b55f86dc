package org.signpost.projection;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a projection's handlers write their rows. Live, the rows go to the generation that is
 * read, at the end of the batch of events ({@link LiveRowBatch}); during a rebuild from the scan
 * of the store, into the generation being built ({@link CopyRowBatch}). The handlers cannot tell.
 */
public interface RowWriter {

    /** A new row (see {@link RowInsert}); the values in the order of its columns. */
    void insert(RowInsert row, Object... values);

    /** Adds a row of a {@link RowTable} under this key unless there is one. */
    <R> void create(RowTable<R> table, Object key, Supplier<R> row);

    /** Changes the row of a {@link RowTable} under this key, if there is one. */
    <R> void change(RowTable<R> table, Object key, Consumer<R> change);
}
