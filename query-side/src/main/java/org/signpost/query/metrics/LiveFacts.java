package org.signpost.query.metrics;

import java.lang.ref.SoftReference;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackingToken;
import org.signpost.projection.ProjectionAdmin;
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
 * are read, and added to the facts held (most events, a contact say, bring none). Within a
 * generation facts are only ever added (a referral's row is rewritten only to add its triage),
 * so a question answered while facts are added would see a later state, never a wrong one;
 * still, additions wait for the questions being answered, and questions for an addition under
 * way, so that no question reads a collection while it grows. Adding in place rather than to
 * a copy: a copy of a million facts costs about as much as the figures themselves. A new
 * generation is read whole. The facts are kept softly (the collector may take them back under
 * memory pressure, to be read again when asked).
 */
@Component
public class LiveFacts {

    /** The facts, and where the projection stood when they were last brought up to date. */
    private record Read(SqlFactsReader.Mark mark, List<TrackingToken> tokens, SoftReference<MetricFacts> facts) {

        Standing standing() {
            return new Standing(mark.state(), tokens, mark.deadLetters());
        }
    }

    /**
     * Where the projection stood, in the snapshot the facts held were last brought up to date in.
     *
     * @param state       equal for equal facts held (see {@link SqlFactsReader.Mark#state})
     * @param tokens      each segment's token (null for one that has seen nothing)
     * @param deadLetters whether dead letters were waiting: events the tokens passed whose facts are not held
     */
    public record Standing(String state, List<TrackingToken> tokens, boolean deadLetters) {
    }

    private final SqlFactsReader reader;
    private final ProjectionAdmin projections;
    private final TransactionTemplate snapshot;
    /** Questions share it; an addition to the facts takes it alone. Fair, so additions are not starved. */
    private final ReadWriteLock answering = new ReentrantReadWriteLock(true);
    /** Held while the facts are brought up to date: two requests would read the same rows. */
    private final Object updating = new Object();
    private volatile Read last;

    public LiveFacts(SqlFactsReader reader, ProjectionAdmin projections, PlatformTransactionManager transactions) {
        this.reader = reader;
        this.projections = projections;
        this.snapshot = new TransactionTemplate(transactions);
        // One snapshot for the state and every table of facts (PostgreSQL's READ COMMITTED
        // would give each statement its own, and facts written between them would be half read).
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** The answer to {@code question} from the facts the live projection holds now; they do not change meanwhile. */
    public <T> T answer(Function<MetricFacts, T> question) {
        MetricFacts facts = upToDate();
        answering.readLock().lock();
        try {
            return question.apply(facts);
        } finally {
            answering.readLock().unlock();
        }
    }

    /**
     * The answer to {@code question} from the facts the live projection holds now and where it
     * stood when they were read; no fact is added until it is answered (other questions go on).
     */
    public <T> T answerWithStanding(BiFunction<MetricFacts, Standing, T> question) {
        MetricFacts facts;
        Standing standing;
        synchronized (updating) {
            facts = upToDate();
            standing = last.standing();
            // Taken before another request may add facts: they would be newer than the standing.
            answering.readLock().lock();
        }
        try {
            return question.apply(facts, standing);
        } finally {
            answering.readLock().unlock();
        }
    }

    private MetricFacts upToDate() {
        synchronized (updating) {
            return snapshot.execute(status -> {
                SqlFactsReader.Mark mark = reader.mark();
                Read read = last;
                MetricFacts known = read == null ? null : read.facts().get();
                if (known != null && read.mark().state().equals(mark.state())) {
                    // The same tokens and dead letters: the same standing.
                    return known;
                }
                if (known != null && read.mark().generation().equals(mark.generation())) {
                    MetricFacts written = reader.readWrittenSince(read.mark().snapshot(), new MetricFacts());
                    if (!written.isEmpty()) {
                        answering.writeLock().lock();
                        try {
                            known.add(written);
                        } finally {
                            answering.writeLock().unlock();
                        }
                    }
                    last = new Read(mark, tokens(), read.facts());
                    return known;
                }
                MetricFacts facts = reader.readInto(new MetricFacts());
                last = new Read(mark, tokens(), new SoftReference<>(facts));
                return facts;
            });
        }
    }

    /** Each segment's token, read in the snapshot of the facts. */
    private List<TrackingToken> tokens() {
        return projections.tokens(MetricsReadModel.NAME);
    }
}
