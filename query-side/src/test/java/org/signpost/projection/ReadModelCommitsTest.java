package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every read model's processor commits without waiting for the disk, each of its transactions
 * alone: the command side's transactions, and anything after on the same pooled connection,
 * still wait for it.
 */
class ReadModelCommitsTest extends QuerySideTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReadModelsTransactionsAloneCommitWithoutWaitingForTheDisk() {
        for (String readModel : new String[] {"referrals", "caseload", "audit-trail", "evaluation-metrics"}) {
            TransactionManager processors = processing.transactionManager(readModel);
            assertThat(processors).as(readModel).isInstanceOf(ReadModelCommits.class);
            assertThat(synchronousCommitIn(processors)).as(readModel).isEqualTo("off");
        }
        assertThat(synchronousCommitIn(transactions)).as("any other transaction").isEqualTo("on");
        for (int i = 0; i < 30; i++) {
            // The pool's connections, whichever comes next, are back to waiting for the disk.
            assertThat(synchronousCommitIn(transactions)).isEqualTo("on");
            synchronousCommitIn(processing.transactionManager("caseload"));
        }
    }

    private String synchronousCommitIn(TransactionManager manager) {
        Transaction transaction = manager.startTransaction();
        try {
            return jdbc.queryForObject("SHOW synchronous_commit", String.class);
        } finally {
            transaction.commit();
        }
    }
}
