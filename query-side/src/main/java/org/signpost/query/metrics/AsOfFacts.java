package org.signpost.query.metrics;

import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.signpost.projection.store.EventSource;
import org.signpost.projection.store.Selection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The facts as of a past instant: every event recorded up to it, folded afresh from the store,
 * and kept for the next question about the same instant while the store holds the same events up
 * to it.
 *
 * <p>A page "as of" an instant asks the API twice (the figures, then the months of the chart),
 * and an analyst looking at one instant tries several periods: each fold reads the whole store
 * up to the instant, and the second is the first one's result. The store only grows, so while it
 * counts as many events recorded up to the instant as when they were folded, they are the same
 * events: a late transaction that records one stamped before the instant changes the count, and
 * the facts are folded again. The fold's own reading counts them, of every type, in the snapshot
 * it folds, so the count is exactly that of the events folded, and a question about a new
 * instant costs no count of its own. Where the store cannot count so (Axon Server's stream),
 * every question folds. The last instant's facts are kept softly, as the live ones are, and never
 * changed once folded.
 *
 * <p>Before folding, the live projection's facts recorded up to the instant are taken where they
 * are exactly the fold's ({@link StampedFacts}): the usual case of a past instant in a running
 * service, taken from the facts {@link LiveFacts} holds in a fraction of a fold's time. Those are
 * not kept here.
 */
@Component
public class AsOfFacts {

    /** The facts of one instant, and how many events were recorded up to it when they were folded. */
    private record Folded(Instant asOf, long recorded, SoftReference<MetricFacts> facts) {
    }

    private final EventSource events;
    private final StampedFacts stamped;
    private final AtomicReference<Folded> last = new AtomicReference<>();

    public AsOfFacts(@Qualifier("metricsEventSource") EventSource events, StampedFacts stamped) {
        this.events = events;
        this.stamped = stamped;
    }

    /** The facts of every event recorded up to {@code asOf}. */
    public MetricFacts asOf(Instant asOf) {
        return stamped.asOf(asOf).orElseGet(() -> folded(asOf));
    }

    /** The facts of every event recorded up to {@code asOf}, folded from the store (or kept from the last fold). */
    public MetricFacts folded(Instant asOf) {
        try {
            Folded folded = last.get();
            if (folded != null && folded.asOf().equals(asOf)) {
                MetricFacts kept = folded.facts().get();
                if (kept != null && events.countRecordedUpTo(asOf).orElse(-1) == folded.recorded()) {
                    return kept;
                }
            }
            MetricFacts facts = new MetricFacts();
            OptionalLong recorded = events.scanCountingRecorded(
                    Selection.recordedUpTo(asOf, MetricsFold.EVENTS_WITH_FACTS),
                    event -> MetricsFold.apply(event.payload(), event.sequence(), facts));
            if (recorded.isPresent()) {
                last.set(new Folded(asOf, recorded.getAsLong(), new SoftReference<>(facts)));
            }
            return facts;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DataAccessResourceFailureException("Could not read the event store", e);
        }
    }
}
