package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.query.testing.Scenario.daysAgo;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionLocation;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live facts are read from the projection's tables again once the projection has applied
 * something since, and only then: two questions about the same state read the tables once.
 */
class LiveFactsTest extends QuerySideTest {

    @Autowired
    LiveFacts live;

    @Test
    void theFactsAreReadAgainOnceTheProjectionHasMovedAndOnlyThen() {
        Scenario scenario = new Scenario();
        UUID participant = scenario.participant(30, "lw-live", "Lively");
        append(scenario.events());
        awaitProjections();

        MetricFacts first = live.current();
        assertThat(first.participant(participant)).isPresent();
        assertThat(live.current()).as("nothing applied since").isSameAs(first);
        long sessions = first.sessions().stream().filter(s -> s.participantId().equals(participant)).count();

        int before = scenario.events().size();
        scenario.then(new SessionHeld(participant, UUID.randomUUID(), daysAgo(3), 45, SessionLocation.SCHOOL,
                AccompaniedBy.NONE, 10, List.of(), "lw-live", false, null), "linkworker", "LINK_WORKER");
        append(scenario.events().subList(before, scenario.events().size()));
        awaitProjections();

        MetricFacts second = live.current();
        assertThat(second).isNotSameAs(first);
        assertThat(second.sessions().stream().filter(s -> s.participantId().equals(participant))).hasSize(
                (int) sessions + 1);
        assertThat(live.current()).isSameAs(second);
    }
}
