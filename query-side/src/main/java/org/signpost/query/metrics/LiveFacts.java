package org.signpost.query.metrics;

import java.lang.ref.SoftReference;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live projection's facts, read from its tables once, then only what was written since.
 *
 * <p>The facts change only with the projection's state: its processor writes them in the
 * transaction that moves its tokens, a retried dead letter removes itself in the transaction
 * that applies it, and a replay makes its result active by changing the active generation.
 * So while the tokens, the dead letters and the active generation read in the same snapshot
 * as last time are unchanged, the facts are the same ones, and those read then are reused: a
 * page asking for the evaluation and the months of a period reads the store once, and an
 * analyst changing periods on a quiet store reads it once in all. Once the state has moved
 * within the same generation, only the rows written by transactions the last read did not see
 * are read, and added to a copy of the facts read then (nothing is copied when none was
 * written: most events bring no fact). Within a generation facts are only ever added: a
 * referral's row is rewritten only to add its triage. A new generation is read whole. The
 * facts are kept softly (the collector may take them back under memory pressure, to be read
 * again when asked) and never changed once read, so every thread may read them.
 */
@Component
public class LiveFacts {

    /** The facts, and where the projection stood when they were read. */
    private record Read(SqlFactsReader.Mark mark, SoftReference<MetricFacts> facts) {
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
            SqlFactsReader.Mark mark = reader.mark();
            Read read = last.get();
            MetricFacts known = read == null ? null : read.facts().get();
            if (known != null && read.mark().state().equals(mark.state())) {
                return known;
            }
            MetricFacts facts;
            if (known != null && read.mark().generation().equals(mark.generation())) {
                // Most changes of state bring no fact (a contact, a note): then nothing is copied.
                MetricFacts written = reader.readWrittenSince(read.mark().snapshot(), new MetricFacts());
                facts = written.isEmpty() ? known : known.with(written);
            } else {
                facts = reader.readInto(new MetricFacts());
            }
            last.set(new Read(mark, new SoftReference<>(facts)));
            return facts;
        });
    }
}
