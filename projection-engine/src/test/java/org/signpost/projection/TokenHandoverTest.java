package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Whatever the interleaving of commits, scan and hand-over, the rebuilt generation receives every
 * event exactly once: from the scan, from the catch-up, or later from the processor going on
 * from the handed-over token; and it has seen at least everything the live generation had.
 */
class TokenHandoverTest {

    /** When the event at a position was committed, relative to the replay's scan and its hand-over. */
    enum Commit { BEFORE_SCAN, BEFORE_HANDOVER, AFTER_HANDOVER, NEVER }

    record Store(List<Commit> commits, int liveIndex, List<Boolean> liveGapChoices) {

        Commit at(long position) {
            return commits.get((int) position - 1);
        }

        int size() {
            return commits.size();
        }
    }

    @Provide
    Arbitrary<Store> stores() {
        return Arbitraries.integers().between(0, 120).flatMap(size -> {
            Arbitrary<List<Commit>> commits = Arbitraries.of(Commit.class).list().ofSize(size);
            Arbitrary<Integer> liveIndex = Arbitraries.integers().between(0, size);
            Arbitrary<List<Boolean>> gaps = Arbitraries.of(true, false, false, false).list().ofSize(size);
            return Combinators.combine(commits, liveIndex, gaps).as(Store::new);
        });
    }

    @Property(tries = 2000)
    void everyEventReachesTheRebuiltGenerationExactlyOnce(@ForAll("stores") Store store) {
        // The live processor's token: everything up to its index, but for the positions it has not
        // seen yet. A position committed only after the hand-over must be one of those.
        SortedSet<Long> liveGaps = new TreeSet<>();
        for (long position = 1; position < store.liveIndex(); position++) {
            if (store.at(position) == Commit.AFTER_HANDOVER || store.liveGapChoices().get((int) position - 1)) {
                liveGaps.add(position);
            }
        }
        TrackingToken live = store.liveIndex() == 0 ? null : GapAwareTrackingToken.newInstance(store.liveIndex(), liveGaps);
        if (store.liveIndex() > 0 && store.at(store.liveIndex()) == Commit.AFTER_HANDOVER) {
            return; // a token's index is a position it has seen
        }

        ScanCoverage scan = new ScanCoverage();
        for (long position = 1; position <= store.size(); position++) {
            if (store.at(position) == Commit.BEFORE_SCAN) {
                scan.saw(position);
            }
        }
        Map<Long, Integer> received = new HashMap<>();
        for (long position = 1; position <= store.size(); position++) {
            if (scan.sawPosition(position)) {
                received.merge(position, 1, Integer::sum);
            }
        }
        SortedSet<Long> scanGaps = scan.gaps();
        TokenHandover handover = new TokenHandover(scan, scanGaps, live, GapAwareTrackingToken::newInstance);
        // The catch-up reads what is committed at hand-over among the positions after the scan's
        // head up to the live index, and the scan's gaps.
        for (long position = 1; position <= store.size(); position++) {
            boolean committed = store.at(position) == Commit.BEFORE_SCAN || store.at(position) == Commit.BEFORE_HANDOVER;
            boolean read = (position > scan.head() && position <= handover.liveIndex()) || scanGaps.contains(position);
            if (committed && read && handover.catchesUp(position)) {
                handover.caughtUp(position);
                received.merge(position, 1, Integer::sum);
            }
        }
        // The rebuilt generation has seen at least what the live one had.
        for (long position = 1; position <= store.liveIndex(); position++) {
            if (!liveGaps.contains(position) && store.at(position) != Commit.NEVER) {
                assertThat(received).as("live saw %d", position).containsKey(position);
            }
        }
        // The processor then delivers what lies after the handed-over token's index or in its gaps.
        TrackingToken next = handover.handedOver();
        long index = next == null ? 0 : ((GapAwareTrackingToken) next).getIndex();
        SortedSet<Long> gaps = next == null ? new TreeSet<>() : ((GapAwareTrackingToken) next).getGaps();
        for (long position = 1; position <= store.size(); position++) {
            if (store.at(position) != Commit.NEVER && (position > index || gaps.contains(position))) {
                received.merge(position, 1, Integer::sum);
            }
        }
        List<Long> wrong = new ArrayList<>();
        for (long position = 1; position <= store.size(); position++) {
            int expected = store.at(position) == Commit.NEVER ? 0 : 1;
            if (received.getOrDefault(position, 0) != expected) {
                wrong.add(position);
            }
        }
        assertThat(wrong).as("positions received other than exactly once (store %s, live %s, handed over %s)",
                store.commits(), live, next).isEmpty();
    }
}
