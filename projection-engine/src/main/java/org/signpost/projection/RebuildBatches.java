package org.signpost.projection;

import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The statements one projection's handlers produce for one chunk of a replay, aimed at the
 * generation it is rebuilding. The replay engine hands them to the handlers through the unit of
 * work and runs them itself, in its own transactions.
 */
final class RebuildBatches {

    static final String RESOURCE = RebuildBatches.class.getName();

    private final String projection;
    private final RowBatch batch;

    /**
     * @param batch by {@code COPY} for the scan of the store, whose events each reach a
     *              generation once; live for the catch-up at the hand-over
     */
    RebuildBatches(String projection, RowBatch batch) {
        this.projection = projection;
        this.batch = batch;
    }

    /** The batch of the unit of work under way, if it belongs to a rebuild. */
    static RebuildBatches of(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getResource(RESOURCE);
    }

    RowBatch batch(String projection) {
        if (!this.projection.equals(projection)) {
            throw new IllegalStateException("Projection " + projection + " is not being rebuilt");
        }
        return batch;
    }

    void flush() {
        batch.flush();
    }
}
