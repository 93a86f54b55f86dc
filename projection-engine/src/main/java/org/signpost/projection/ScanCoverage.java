package org.signpost.projection;

import java.util.BitSet;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which positions of the event store one replay scan saw. A scan is one query, so it sees the
 * events committed when it began; positions missing below its head were either never used
 * (a rolled-back transaction) or belong to transactions still in progress then, which can only
 * be recent ones. Like Axon's own gap-aware tokens, only the recent ones are kept as gaps that
 * may still fill.
 */
final class ScanCoverage {

    /** How far below the head a missing position is still expected to appear (Axon's default too). */
    static final int GAP_WINDOW = 10_000;

    private final BitSet seen = new BitSet();
    private long head = 0;
    private long count = 0;

    void saw(long position) {
        seen.set(Math.toIntExact(position));
        head = Math.max(head, position);
        count++;
    }

    /** How many events the scan saw. */
    long count() {
        return count;
    }

    boolean sawPosition(long position) {
        return position >= 0 && position <= Integer.MAX_VALUE && seen.get((int) position);
    }

    /** The highest position seen (0 for an empty store). */
    long head() {
        return head;
    }

    /** Positions below the head, within the gap window, that the scan did not see. */
    SortedSet<Long> gaps() {
        SortedSet<Long> gaps = new TreeSet<>();
        for (long position = Math.max(1, head - GAP_WINDOW); position < head; position++) {
            if (!seen.get((int) position)) {
                gaps.add(position);
            }
        }
        return gaps;
    }
}
