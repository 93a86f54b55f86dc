package org.signpost.projection;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Joins a generation rebuilt by a replay scan to the live processor of one segment, so that the
 * processor can go on from where it stood, now writing into the rebuilt generation, with every
 * event applied to it exactly once.
 *
 * <p>The live processor's token says which events the old generation has seen: every position up
 * to its index except its gaps. The scan saw every event committed when it began. The rebuilt
 * generation must end up having seen exactly what the token says, plus anything more only if the
 * token is then told so:
 * <ul>
 *     <li>events the token has seen that the scan did not (later than the scan's head, or in the
 *     scan's gaps) are applied in a catch-up, {@link #catchesUp};</li>
 *     <li>the token handed over, {@link #handedOver}, stands at the further of the two, and its
 *     gaps are the positions that neither the scan nor the catch-up applied and that may still
 *     appear.</li>
 * </ul>
 */
final class TokenHandover {

    private final ScanCoverage scan;
    private final SortedSet<Long> scanGaps;
    private final long index;
    private final SortedSet<Long> gaps;
    private final SortedSet<Long> caughtUp = new TreeSet<>();
    private final boolean neverRan;
    private final BiFunction<Long, SortedSet<Long>, TrackingToken> tokens;

    /**
     * @param live   the segment's token when its processor stopped (null when it never ran)
     * @param tokens makes a token of the store's kind: an index and its gaps
     */
    TokenHandover(ScanCoverage scan, SortedSet<Long> scanGaps, TrackingToken live,
                  BiFunction<Long, SortedSet<Long>, TrackingToken> tokens) {
        this.scan = scan;
        this.scanGaps = scanGaps;
        this.tokens = tokens;
        this.neverRan = live == null;
        TrackingToken current = live == null ? null : WrappedToken.unwrapLowerBound(live);
        if (current == null) {
            this.index = 0;
            this.gaps = new TreeSet<>();
        } else if (current instanceof GapAwareTrackingToken gapAware) {
            this.index = gapAware.getIndex();
            this.gaps = gapAware.getGaps();
        } else {
            this.index = current.position().orElse(0);
            this.gaps = new TreeSet<>();
        }
    }

    /** The last position the live processor has passed. */
    long liveIndex() {
        return index;
    }

    /** Whether an event at this position, of this segment, must be applied to the rebuilt generation in the catch-up. */
    boolean catchesUp(long position) {
        boolean seenByLive = position <= index && !gaps.contains(position);
        boolean missedByScan = position > scan.head() || scanGaps.contains(position);
        return seenByLive && missedByScan;
    }

    /** Records that the catch-up applied the event at this position. */
    void caughtUp(long position) {
        caughtUp.add(position);
    }

    /** The token the processor goes on from, with the rebuilt generation. */
    TrackingToken handedOver() {
        long newIndex = Math.max(index, scan.head());
        SortedSet<Long> newGaps = new TreeSet<>();
        for (Long gap : gaps) {
            if (!scan.sawPosition(gap)) {
                newGaps.add(gap);
            }
        }
        for (Long gap : scanGaps) {
            if (!caughtUp.contains(gap)) {
                newGaps.add(gap);
            }
        }
        newGaps.removeIf(gap -> gap >= newIndex);
        // Nothing seen by anyone: the processor starts from the first event. (Axon Server's first
        // position is 0, so a position of 0 alone does not say that.)
        return neverRan && scan.count() == 0 ? null : tokens.apply(newIndex, newGaps);
    }
}
