package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.query.testing.Scenario.daysAgo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.signpost.projection.store.EventSource;
import org.signpost.projection.store.Selection;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The facts as of an instant, where the live projection's cannot give them, are folded once for
 * each instant and each set of events recorded up to it: asked again, they are the same; once the
 * store holds one more event recorded up to the instant, they are folded again and hold it.
 */
class AsOfFactsTest extends QuerySideTest {

    @Autowired
    AsOfFacts asOfFacts;

    @Autowired
    @Qualifier("metricsEventSource")
    EventSource metricsEventSource;

    /** What lets a question about a new instant fold without counting the store first. */
    @Test
    void theFoldCountsEveryEventRecordedUpToTheInstantOfEveryTypeAsTheStoreCountsThem() throws Exception {
        Scenario scenario = new Scenario();
        scenario.participant(30, "lw-count", "Count");
        append(scenario.events());
        Instant now = Instant.now();

        AtomicLong folded = new AtomicLong();
        OptionalLong recorded = metricsEventSource.scanCountingRecorded(
                Selection.recordedUpTo(now, MetricsFold.EVENTS_WITH_FACTS), event -> folded.incrementAndGet());

        assertThat(recorded).isEqualTo(metricsEventSource.countRecordedUpTo(now));
        assertThat(recorded.orElseThrow()).as("events of other types counted too").isGreaterThan(folded.get());
        assertThat(metricsEventSource.scanCountingRecorded(Selection.recordedUpTo(Instant.EPOCH, null), event -> { }))
                .hasValue(0);
    }

    @Test
    void theFactsOfAnInstantAreFoldedAgainOnlyWhenTheStoreHoldsMoreEventsUpToIt() {
        Scenario scenario = new Scenario();
        UUID participant = scenario.participant(30, "lw-asof", "Asof");
        append(scenario.events());
        // An instant to come: events recorded from now on are recorded up to it.
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
        Instant now = Instant.now();

        MetricFacts first = asOfFacts.folded(later);
        assertThat(first.participant(participant)).isPresent();
        assertThat(asOfFacts.folded(later)).as("the same events up to the instant").isSameAs(first);

        int before = scenario.events().size();
        UUID session = UUID.randomUUID();
        scenario.then(Events.session(participant, session, daysAgo(2).toString(), 30, null, "lw-asof"), "lw",
                "LINK_WORKER");
        append(scenario.events().subList(before, scenario.events().size()));

        MetricFacts second = asOfFacts.folded(later);
        assertThat(second).as("one more event up to the instant").isNotSameAs(first);
        assertThat(second.sessions()).extracting(MetricFacts.Session::sessionId).contains(session);
        assertThat(asOfFacts.folded(later)).isSameAs(second);

        MetricFacts earlier = asOfFacts.folded(now);
        assertThat(earlier).as("another instant").isNotSameAs(second);
        assertThat(earlier.sessions()).extracting(MetricFacts.Session::sessionId).doesNotContain(session);
    }
}
