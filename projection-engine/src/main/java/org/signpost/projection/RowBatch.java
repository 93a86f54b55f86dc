package org.signpost.projection;

/** The rows of one batch of events, written to the database when the batch is flushed. */
interface RowBatch extends RowWriter {

    void flush();
}
