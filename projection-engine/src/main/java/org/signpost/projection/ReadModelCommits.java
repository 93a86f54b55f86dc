package org.signpost.projection;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of a read model's processor, committed without waiting for PostgreSQL to
 * flush them to disk ({@code synchronous_commit = off} for each one alone).
 *
 * <p>A batch's rows and its token commit together, so a crash can only lose the last batches
 * whole, never half of one: the processor then handles their events again from the event store,
 * which commits every command's events durably as before. What is given up is nothing anyone
 * was promised; what is gained is that the command side's commits, which must wait for the
 * flush, no longer queue behind the read models' flushes in the same database (on a disk whose
 * flush is slow, a command waited for two).
 */
final class ReadModelCommits implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;

    ReadModelCommits(TransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        try {
            // LOCAL: for this transaction only, on the connection it is bound to.
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
