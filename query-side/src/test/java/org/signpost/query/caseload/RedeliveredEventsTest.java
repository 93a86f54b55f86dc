package org.signpost.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.testing.HistoryGenerator;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events the caseload has applied, met again by its processor (a batch handled a second time, as
 * around a hand-over or when a process takes another's segments over): the participants' rows,
 * their counts of sessions, missed sessions, signposts and concerns above all, stay as they were.
 */
class RedeliveredEventsTest extends QuerySideTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void eventsHandledAgainChangeNoParticipantsRow() throws Exception {
        awaitProjections();
        long before = projections.head();
        append(new HistoryGenerator(2016L, LocalDate.of(2016, 1, 1), 300).histories(40));
        awaitProjections();
        List<Map<String, Object>> applied = participants();
        assertThat(applied).as("participants with sessions").anySatisfy(row ->
                assertThat((Integer) row.get("sessions_held")).isGreaterThan(1));

        StreamingEventProcessor caseload = processing.eventProcessor(CaseloadReadModel.NAME,
                StreamingEventProcessor.class).orElseThrow();
        caseload.shutdownAsync().get(60, TimeUnit.SECONDS);
        try {
            // Every segment's token back to before this test's events: all of them are met again.
            setTokens(CaseloadReadModel.NAME, GapAwareTrackingToken.newInstance(before, Set.of()));
        } finally {
            caseload.start();
        }
        awaitProjections();

        assertThat(participants()).isEqualTo(applied);
    }

    /** The caseload's participants of 2016 (no other test's), as stored. */
    private List<Map<String, Object>> participants() {
        return jdbc.queryForList("SELECT * FROM participant_view WHERE generation = "
                + ProjectionGenerations.active(CaseloadReadModel.NAME)
                + " AND enrolled_on BETWEEN '2016-01-01' AND '2017-12-31' ORDER BY participant_id");
    }
}
