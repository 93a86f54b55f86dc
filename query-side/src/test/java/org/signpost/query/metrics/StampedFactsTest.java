package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.signpost.events.Need;
import org.signpost.events.TriageOutcome;
import org.signpost.query.testing.History;
import org.signpost.query.testing.HistoryGenerator;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "As of" an instant from the live projection's facts recorded up to it: the same facts, and the
 * same figures, as a fold of every event recorded up to it, for instants before, between and after
 * events appended over time (referrals triaged after an instant among them); and nothing answered
 * from them where they could differ from the fold: a dead letter waiting, events the processor has
 * not taken, facts read from rows that do not say when they were recorded.
 */
class StampedFactsTest extends QuerySideTest {

    private static final LocalDate START = LocalDate.of(2023, 1, 1);

    @Autowired
    StampedFacts stamped;

    @Autowired
    AsOfFacts asOfFacts;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    SqlFactsReader reader;

    @Test
    void factsRecordedUpToAnInstantAreThoseOfTheFoldUpToIt() throws Exception {
        List<History> histories = new HistoryGenerator(5L, START, 300).histories(60);
        List<Instant> instants = new ArrayList<>(List.of(Instant.now()));
        int parts = 5;
        for (int part = 0; part < parts; part++) {
            Thread.sleep(3);
            append(histories.subList(part * histories.size() / parts, (part + 1) * histories.size() / parts));
            Thread.sleep(3);
            instants.add(Instant.now());
        }
        awaitProjections();
        // Also the instants of stored events themselves: "up to" includes the event recorded then.
        instants.addAll(jdbc.queryForList("SELECT time_stamp FROM domain_event_entry ORDER BY random() LIMIT 5",
                String.class).stream().map(Instant::parse).toList());

        for (Instant asOf : instants) {
            MetricFacts fromTables = stamped.asOf(asOf).orElseThrow(() -> new AssertionError("none as of " + asOf));
            MetricFacts folded = asOfFacts.folded(asOf);
            assertSameFacts(fromTables, folded, asOf);
            assertThat(EvaluationMetrics.compute(fromTables, START, START.plusDays(400), asOf)).as("as of %s", asOf)
                    .isEqualTo(EvaluationMetrics.compute(folded, START, START.plusDays(400), asOf));
        }
        // The instants tell the parts apart: each one's facts hold more than the one before.
        List<Integer> factsAsOf = instants.subList(0, parts + 1).stream().map(asOf -> size(asOfFacts.asOf(asOf))).toList();
        assertThat(factsAsOf).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aReferralTriagedAfterTheInstantIsThereUntriaged() throws Exception {
        Scenario scenario = new Scenario();
        UUID referral = scenario.referral(6, 14, List.of(Need.ANXIETY), "Stamp");
        append(scenario.events());
        Thread.sleep(3);
        Instant beforeTriage = Instant.now();
        Thread.sleep(3);
        int received = scenario.events().size();
        scenario.triage(referral, TriageOutcome.ACCEPTED, 5, 1);
        append(scenario.events().subList(received, scenario.events().size()));
        awaitProjections();

        MetricFacts then = stamped.asOf(beforeTriage).orElseThrow();
        assertThat(then.referral(referral)).isPresent();
        assertThat(then.triages()).extracting(MetricFacts.Triage::referralId).doesNotContain(referral);
        assertThat(stamped.asOf(Instant.now()).orElseThrow().triages()).extracting(MetricFacts.Triage::referralId)
                .contains(referral);
    }

    @Test
    void theFactsOfAnInstantAreTakenAgainOnlyOnceTheLiveFactsHaveChanged() throws Exception {
        Scenario earlier = new Scenario();
        earlier.referral(6, 23, List.of(Need.LONELINESS), "Earlier");
        append(earlier.events());
        awaitProjections();
        Thread.sleep(3);
        Instant asOf = Instant.now();
        MetricFacts first = stamped.asOf(asOf).orElseThrow();
        assertThat(stamped.asOf(asOf).orElseThrow()).as("the same live facts").isSameAs(first);

        Thread.sleep(3);
        Scenario scenario = new Scenario();
        scenario.referral(6, 22, List.of(Need.ANXIETY), "Later");
        append(scenario.events());
        awaitProjections();

        MetricFacts again = stamped.asOf(asOf).orElseThrow();
        assertThat(again).as("live facts added to").isNotSameAs(first);
        assertThat(size(again)).as("nothing recorded after the instant").isEqualTo(size(first));
    }

    @Test
    void eventsTheProcessorHasNotTakenAreFoldedFromTheStore() {
        Scenario taken = new Scenario();
        taken.referral(6, 24, List.of(Need.ANXIETY), "Taken");
        append(taken.events());
        awaitProjections();
        StreamingEventProcessor processor = processing.eventProcessor(MetricsReadModel.NAME,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            Scenario scenario = new Scenario();
            UUID referral = scenario.referral(6, 20, List.of(Need.LONELINESS), "Unseen");
            append(scenario.events());
            Instant now = Instant.now();

            assertThat(stamped.asOf(now)).as("an event recorded up to now is not taken yet").isEmpty();
            assertThat(asOfFacts.asOf(now).referral(referral)).as("the fold has it").isPresent();
            assertThat(stamped.asOf(now.minus(1, ChronoUnit.HOURS))).as("an hour ago: every event taken").isPresent();
        } finally {
            processor.start();
        }
        awaitProjections();
    }

    @Test
    void aDeadLetterWaitingMeansTheFold() {
        Scenario scenario = new Scenario();
        UUID poisoned = scenario.referral(6, 21, List.of(Need.ANXIETY), "Poison");
        awaitProjections();
        // Stands for a fault an operator fixes: the database refuses this referral's fact.
        jdbc.execute("ALTER TABLE metric_referral ADD CONSTRAINT stamped_poison CHECK (referral_id <> '" + poisoned + "')");
        try {
            append(scenario.events());
            awaitProjections();
            assertThat(projections.retryDeadLetters(MetricsReadModel.NAME).deadLetters()).isEqualTo(1);
            Instant now = Instant.now();

            assertThat(stamped.asOf(now)).as("a dead letter waits").isEmpty();
            assertThat(asOfFacts.asOf(now).referral(poisoned)).isPresent();
        } finally {
            jdbc.execute("ALTER TABLE metric_referral DROP CONSTRAINT IF EXISTS stamped_poison");
        }
        assertThat(projections.retryDeadLetters(MetricsReadModel.NAME).deadLetters()).isZero();
        assertThat(stamped.asOf(Instant.now()).orElseThrow().referral(poisoned)).isPresent();
    }

    /** As rows written before the tables kept the instant, until a replay. */
    @Test
    void aFactReadWithoutTheInstantItWasRecordedLeavesNothingToAnswer() {
        Scenario scenario = new Scenario();
        UUID participant = scenario.participant(30, "lw-stamp", "Unstamped");
        append(scenario.events());
        awaitProjections();
        assertThat(reader.readInto(new MetricFacts()).recordedUpTo(Instant.now())).isPresent();
        String active = "generation = (SELECT active FROM projection_generation WHERE projection = 'evaluation-metrics')";
        Instant recorded = jdbc.queryForObject("SELECT recorded_at FROM metric_participant WHERE " + active
                + " AND participant_id = ?", Timestamp.class, participant).toInstant();
        jdbc.update("UPDATE metric_participant SET recorded_at = NULL WHERE " + active + " AND participant_id = ?",
                participant);
        try {
            assertThat(reader.readInto(new MetricFacts()).recordedUpTo(Instant.now())).isEmpty();
        } finally {
            jdbc.update("UPDATE metric_participant SET recorded_at = ? WHERE " + active + " AND participant_id = ?",
                    Timestamp.from(recorded), participant);
        }
    }

    private static int size(MetricFacts facts) {
        return facts.referrals().size() + facts.triages().size() + facts.participants().size() + facts.sessions().size()
                + facts.signposts().size() + facts.uptakes().size() + facts.measures().size();
    }

    private static void assertSameFacts(MetricFacts actual, MetricFacts expected, Instant asOf) {
        String as = "as of " + asOf;
        assertThat(actual.referrals()).as(as).containsExactlyInAnyOrderElementsOf(expected.referrals());
        assertThat(actual.triages()).as(as).containsExactlyInAnyOrderElementsOf(expected.triages());
        assertThat(actual.participants()).as(as).containsExactlyInAnyOrderElementsOf(expected.participants());
        // In the order of their events: it breaks ties between sessions, and uptakes, of one date.
        assertThat(actual.sessions()).as(as).containsExactlyElementsOf(expected.sessions());
        assertThat(actual.signposts()).as(as).containsExactlyInAnyOrderElementsOf(expected.signposts());
        assertThat(actual.uptakes()).as(as).containsExactlyElementsOf(expected.uptakes());
        assertThat(actual.measures()).as(as).containsExactlyInAnyOrderElementsOf(expected.measures());
    }
}
