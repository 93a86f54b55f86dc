package org.signpost.query.metrics;

import java.lang.ref.SoftReference;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live projection's facts, read from its tables once for each state the projection is in.
 *
 * <p>The facts change only with the projection's state: its processor writes them in the
 * transaction that moves its tokens, a retried dead letter removes itself in the transaction
 * that applies it, and a replay makes its result active by changing the active generation.
 * So while the tokens, the dead letters and the active generation read in the same snapshot
 * as last time are unchanged, the facts are the same ones, and those read then are reused: a
 * page asking for the evaluation and the months of a period reads the store once, and an
 * analyst changing periods on a quiet store reads it once in all. The facts are kept softly
 * (the collector may take them back under memory pressure, to be read again when asked) and
 * never changed once read, so every thread may read them.
 */
@Component
public class LiveFacts {

    /** The facts, and the projection's state they were read in. */
    private record Read(String state, SoftReference<MetricFacts> facts) {
    }

    private final SqlFactsReader reader;
    private final TransactionTemplate snapshot;
    private final AtomicReference<Read> last = new AtomicReference<>();

    public LiveFacts(SqlFactsReader reader, PlatformTransactionManager transactions) {
        this.reader = reader;
        this.snapshot = new TransactionTemplate(transactions);
        // One snapshot for the state and every table of facts (PostgreSQL's READ COMMITTED
        // would give each statement its own, and facts written between them would be half read).
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** The facts the live projection holds now. */
    public MetricFacts current() {
        return snapshot.execute(status -> {
            String state = reader.state();
            Read read = last.get();
            MetricFacts facts = read != null && read.state().equals(state) ? read.facts().get() : null;
            if (facts == null) {
                facts = reader.readInto(new MetricFacts());
                last.set(new Read(state, new SoftReference<>(facts)));
            }
            return facts;
        });
    }
}
