package org.signpost.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The new rows of one read-model table for one {@code COPY} into the generation being rebuilt,
 * in PostgreSQL's binary format: every value in its type's binary form (a uuid in 16 bytes, a
 * date in 4), so the rebuild formats no text and PostgreSQL parses none (text {@code COPY}
 * formatting and parsing were a quarter of a replay's work on both sides), and nothing needs
 * escaping.
 */
final class CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    /** A field count of -1: no more rows. */
    private static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    private final RowInsert row;
    /** The generation column's type first, then those of the row's columns. */
    private final List<CopyColumnType> types;
    private final CopyBuffer buffer = new CopyBuffer();
    private int rows;

    CopyRows(RowInsert row, List<CopyColumnType> types) {
        if (types.size() != row.columns().size() + 1) {
            throw new IllegalArgumentException("Types of " + types.size() + " columns for " + row.table() + " with "
                    + (row.columns().size() + 1));
        }
        this.row = row;
        this.types = types;
        // The signature, no flags, no header extension.
        buffer.bytes(SIGNATURE).int32(0).int32(0);
    }

    void add(int generation, Object[] values) {
        if (values.length != row.columns().size()) {
            throw new IllegalArgumentException("Row for " + row.table() + " has " + values.length + " values, not "
                    + row.columns().size() + ": " + row.columns());
        }
        buffer.int16(values.length + 1);
        types.get(0).writeValue(buffer, generation);
        for (int i = 0; i < values.length; i++) {
            CopyColumnType type = types.get(i + 1);
            try {
                type.writeValue(buffer, values[i]);
            } catch (ClassCastException | IllegalArgumentException | ArithmeticException e) {
                throw CopyColumnType.misfit(row.table(), row.columnNames().get(i), type, values[i], e);
            }
        }
        rows++;
    }

    /** Sends the rows into this table of the generation; returns how many went in. */
    long copyInto(Connection connection, String partition) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(row.copySql(partition));
        try {
            buffer.writeTo(copy);
            copy.writeToCopy(TRAILER, 0, TRAILER.length);
            long copied = copy.endCopy();
            if (copied != rows) {
                throw new SQLException("COPY into " + partition + " took " + copied + " rows of " + rows);
            }
            return copied;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
