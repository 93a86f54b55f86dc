package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.query.testing.Scenario.daysAgo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.Need;
import org.signpost.events.ParticipantEvent;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionLocation;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;
import org.signpost.query.testing.History;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live facts are read from the projection's tables once, then only what the projection
 * wrote since: the facts after any number of additions are those a whole read finds.
 */
class LiveFactsTest extends QuerySideTest {

    @Autowired
    LiveFacts live;

    @Autowired
    SqlFactsReader reader;

    @Test
    void theFactsHeldGrowWithWhatTheProjectionWritesAndAreReadWholeOnlyOnce() {
        Scenario scenario = new Scenario();
        UUID participant = scenario.participant(30, "lw-live", "Lively");
        append(scenario.events());
        awaitProjections();

        MetricFacts first = live.answer(facts -> facts);
        assertThat(first.participant(participant)).isPresent();
        long sessions = sessionsOf(participant);

        int before = scenario.events().size();
        scenario.then(new SessionHeld(participant, UUID.randomUUID(), daysAgo(3), 45, SessionLocation.SCHOOL,
                AccompaniedBy.NONE, 10, List.of(), "lw-live", false, null), "linkworker", "LINK_WORKER");
        append(scenario.events().subList(before, scenario.events().size()));
        awaitProjections();

        MetricFacts second = live.answer(facts -> facts);
        assertThat(second).as("added to, not read whole again").isSameAs(first);
        assertThat(sessionsOf(participant)).isEqualTo(sessions + 1);
    }

    private long sessionsOf(UUID participant) {
        return live.answer(facts -> facts.sessions().stream().filter(s -> s.participantId().equals(participant))
                .count());
    }

    @Test
    void whatWasWrittenSinceASnapshotIsTheNewFactsAndTheRowsRewrittenNothingElse() {
        Scenario scenario = new Scenario();
        UUID enrolled = scenario.participant(40, "lw-since", "Before");
        UUID waiting = scenario.referral(20, 15, List.of(Need.LONELINESS), "Waiting");
        append(scenario.events());
        awaitProjections();
        String snapshot = reader.mark().snapshot();

        int before = scenario.events().size();
        scenario.triage(waiting, TriageOutcome.DECLINED, 18, 1);
        UUID session = UUID.randomUUID();
        scenario.then(Events.session(enrolled, session, daysAgo(5).toString(), 40, 12, "lw-since"), "lw", "LINK_WORKER");
        append(scenario.events().subList(before, scenario.events().size()));
        awaitProjections();

        MetricFacts since = reader.readWrittenSince(snapshot, new MetricFacts());
        assertThat(since.referrals()).extracting(MetricFacts.Referral::referralId)
                .as("the waiting referral's row, rewritten with its triage").containsExactly(waiting);
        assertThat(since.triages()).extracting(MetricFacts.Triage::referralId).containsExactly(waiting);
        assertThat(since.participants()).as("enrolled before the snapshot").isEmpty();
        assertThat(since.sessions()).extracting(MetricFacts.Session::sessionId).containsExactly(session);
        assertThat(reader.readWrittenSince(reader.mark().snapshot(), new MetricFacts()).referrals())
                .as("nothing written since now").isEmpty();
    }

    /**
     * Rounds of random additions (referrals, triages, enrolments, sessions, signposts, uptakes,
     * measures, in any mix), each applied before the facts are asked for: after every round the
     * live facts equal those of a whole read, in each participant's and signpost's order. Two
     * threads ask for figures all along: additions wait for questions and questions for additions,
     * and neither waits for ever (a race of the two is too rare here to be caught by a test).
     */
    @Test
    void afterEveryRoundOfAdditionsTheLiveFactsAreThoseOfAWholeRead() throws Exception {
        Random random = new Random(20261203L);
        live.answer(MetricFacts::isEmpty);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService askers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> asked = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            asked.add(askers.submit(() -> {
                int answers = 0;
                while (!done.get()) {
                    live.answer(facts -> EvaluationMetrics.compute(facts, daysAgo(400), daysAgo(0), Instant.now()));
                    answers++;
                }
                return answers;
            }));
        }
        List<UUID> participants = new ArrayList<>();
        Map<UUID, List<UUID>> signposts = new LinkedHashMap<>();
        for (int round = 0; round < 12; round++) {
            Scenario scenario = new Scenario();
            for (int i = random.nextInt(4); i > 0; i--) {
                UUID referral = scenario.referral(60 + random.nextInt(200), 11 + random.nextInt(8),
                        List.of(Need.ANXIETY), "Round" + round);
                if (random.nextBoolean()) {
                    scenario.triage(referral, TriageOutcome.values()[random.nextInt(TriageOutcome.values().length)],
                            50, 1);
                }
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                participants.add(scenario.participant(100 + random.nextInt(100), "lw-r" + random.nextInt(3), "P"));
            }
            for (int i = random.nextInt(6); i > 0 && !participants.isEmpty(); i--) {
                UUID participant = participants.get(random.nextInt(participants.size()));
                int day = 1 + random.nextInt(90);
                switch (random.nextInt(4)) {
                    case 0 -> then(scenario, Events.session(participant, UUID.randomUUID(),
                            daysAgo(day).toString(), 20 + random.nextInt(60), random.nextBoolean() ? null : 15, "lw-r0"));
                    case 1 -> {
                        UUID signpost = UUID.randomUUID();
                        signposts.computeIfAbsent(participant, p -> new ArrayList<>()).add(signpost);
                        then(scenario, Events.signposted(participant, signpost, daysAgo(day).toString()));
                    }
                    case 2 -> {
                        List<UUID> own = signposts.getOrDefault(participant, List.of());
                        if (!own.isEmpty()) {
                            then(scenario, Events.uptake(participant, own.get(random.nextInt(own.size())),
                                    random.nextBoolean(), daysAgo(day).toString()));
                        }
                    }
                    default -> then(scenario, Events.swemwbs(participant,
                            Timepoint.values()[random.nextInt(Timepoint.values().length)], daysAgo(day).toString(),
                            "2" + random.nextInt(10) + ".5"));
                }
            }
            append(scenario.events());
            stored.addAll(scenario.events());
            awaitProjections();

            MetricFacts whole = reader.readInto(new MetricFacts());
            assertThat(live.answer(LiveFactsTest::comparable)).as("round %d", round).isEqualTo(comparable(whole));
        }
        done.set(true);
        for (Future<Integer> answers : asked) {
            assertThat(answers.get(30, TimeUnit.SECONDS)).as("figures answered meanwhile").isPositive();
        }
        askers.shutdown();
    }

    /** The events of earlier rounds, so that a later round numbers a participant's events after them. */
    private final List<History> stored = new ArrayList<>();

    private void then(Scenario scenario, ParticipantEvent event) {
        long sequence = stored.stream().filter(h -> h.aggregateId().equals(event.participantId())).count()
                + scenario.events().stream().filter(h -> h.aggregateId().equals(event.participantId())).count();
        scenario.events().add(History.of(event, sequence, "lw", "LINK_WORKER"));
    }

    /**
     * The facts with the order that carries meaning kept (each participant's sessions and
     * measures, each signpost's uptakes) and the rest as sets.
     */
    private static List<Object> comparable(MetricFacts facts) {
        return List.of(Set.copyOf(facts.referrals()), Set.copyOf(facts.triages()), Set.copyOf(facts.participants()),
                Set.copyOf(facts.signposts()),
                grouped(facts.sessions(), MetricFacts.Session::participantId),
                grouped(facts.measures(), MetricFacts.Measure::participantId),
                grouped(facts.uptakes(), u -> u.participantId() + "/" + u.signpostId()));
    }

    private static <T, K> Map<K, List<T>> grouped(Collection<T> facts, Function<T, K> key) {
        return facts.stream().collect(Collectors.groupingBy(key, Collectors.toList()));
    }
}
