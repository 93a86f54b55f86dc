package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.Need;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralSource;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionLocation;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.Technique;
import org.signpost.events.TransportSupport;
import org.signpost.events.TriageOutcome;
import org.signpost.events.Triaged;
import org.signpost.events.UptakeRecorded;
import org.signpost.events.VcseCategory;
import org.signpost.events.YoungPerson;
import org.signpost.query.audit.AuditTrailReadModel;
import org.signpost.query.caseload.CaseloadReadModel;
import org.signpost.query.metrics.Evaluation;
import org.signpost.query.metrics.EvaluationMetrics;
import org.signpost.query.metrics.GroupBy;
import org.signpost.query.metrics.MetricFacts;
import org.signpost.query.metrics.MetricsFold;
import org.signpost.query.metrics.MetricsQueries;
import org.signpost.query.metrics.ReferralRate;
import org.signpost.query.referrals.ReferralsReadModel;
import org.signpost.query.testing.History;
import org.signpost.query.testing.HistoryGenerator;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nothing a client could have caused makes a read model drop a fact or a replay fail: young
 * people whose sessions and signposts have the same ids as each other's, text with NUL
 * characters, names longer than any column once allowed, dates PostgreSQL cannot hold. Over
 * several generated histories, the live figures, the figures "as of" now and the pure fold of
 * the events agree for random periods, and still do after a replay of every read model.
 */
class ClientValuesReplayTest extends QuerySideTest {

    /** Years no other test's events are dated in: the figures of these periods are this test's alone. */
    private static final LocalDate START = LocalDate.of(1987, 1, 1);
    private static final String NUL_AND_LONG = "odd\u0000" + "x".repeat(300);
    private static final String ODD_LINK_WORKER = "lw\u0000" + "y".repeat(80);

    @Autowired
    MetricsQueries metrics;

    @Autowired
    ReplayEngine replayEngine;

    private final List<History> stored = new ArrayList<>();
    private final Random random = new Random(20261202L);

    @Test
    void sharedIdsAndOddValuesAreCountedAliveAsOfAndAfterAReplay() throws Exception {
        Odd odd = storeOddValues();
        UUID oddReferral = odd.redirected();
        for (long seed = 1; seed <= 3; seed++) {
            List<History> generated = new HistoryGenerator(seed, START, 300).sharingIdsAcrossParticipants()
                    .histories(40);
            append(generated);
            stored.addAll(generated);
            awaitProjections();
            assertFiguresAgree();
        }

        projections.replay(readModels.names());
        awaitProjections();
        for (String name : readModels.names()) {
            assertThat(replayEngine.failure(name)).as("replay of %s", name).isEmpty();
        }
        assertThat(projections.statuses()).extracting(ProjectionAdmin.Status::status).containsOnly("RUNNING");
        assertFiguresAgree();

        // The odd values are in the rebuilt read models, stored as PostgreSQL can hold them.
        assertThat(jdbc.queryForMap("SELECT redirected_to, received_on, postcode_district FROM referral_view WHERE "
                + "generation = " + ProjectionGenerations.active(ReferralsReadModel.NAME) + " AND referral_id = ?",
                oddReferral)).containsEntry("redirected_to", StorableValues.text(NUL_AND_LONG))
                .containsEntry("postcode_district", StorableValues.text(NUL_AND_LONG));
        assertThat(jdbc.queryForObject("SELECT received_on FROM referral_view WHERE generation = "
                + ProjectionGenerations.active(ReferralsReadModel.NAME) + " AND referral_id = ?", LocalDate.class,
                oddReferral)).isEqualTo(LocalDate.MIN);
        assertThat(jdbc.queryForList("SELECT DISTINCT actor FROM audit_event WHERE generation = "
                + ProjectionGenerations.active(AuditTrailReadModel.NAME) + " AND aggregate_id = ?", String.class,
                oddReferral.toString())).containsExactly(StorableValues.text(NUL_AND_LONG));
        assertThat(jdbc.queryForList("SELECT link_worker_id FROM participant_view WHERE generation = "
                + ProjectionGenerations.active(CaseloadReadModel.NAME) + " AND referral_id = ?", String.class,
                odd.seen())).containsExactly(StorableValues.text(ODD_LINK_WORKER));
    }

    /** The referral redirected, and the one whose young person was seen. */
    private record Odd(UUID redirected, UUID seen) {
    }

    /**
     * A referral received before 4713 BC, redirected to a place whose name holds a NUL and runs
     * past 200 characters, by a user named likewise; and a young person whose link worker's id
     * does the same, seen in this test's years, with the session and signpost ids the generated
     * histories use too.
     */
    private Odd storeOddValues() {
        UUID referralId = UUID.randomUUID();
        LocalDate longAgo = LocalDate.of(-10_000, 1, 1);
        List<History> odd = new ArrayList<>();
        odd.add(History.of(new ReferralReceived(referralId, ReferralSource.OTHER, ReferralChannel.OTHER, longAgo,
                List.of(ReferralReason.ANXIETY), List.of(Need.ANXIETY), ConsentGivenBy.YOUNG_PERSON, 14,
                NUL_AND_LONG, List.of(), PersonalData.of(new YoungPerson("Odd", "Values", longAgo.minusYears(14), null,
                        null, null, null, null)), null, PersonalData.of("notes\u0000")), 0, NUL_AND_LONG, "COORDINATOR"));
        odd.add(History.of(new Triaged(referralId, TriageOutcome.REDIRECTED, longAgo.plusDays(1), List.of(),
                NUL_AND_LONG, PersonalData.of("reason\u0000"), null), 1, NUL_AND_LONG, "COORDINATOR"));

        UUID seenId = UUID.randomUUID();
        UUID participantId = UUID.nameUUIDFromBytes(("participant-of-referral:" + seenId)
                .getBytes(StandardCharsets.UTF_8));
        odd.add(History.of(new ReferralReceived(seenId, ReferralSource.GP, ReferralChannel.EMAIL, longAgo,
                List.of(ReferralReason.LONELINESS), List.of(Need.LONELINESS), ConsentGivenBy.PARENT_CARER, 15, "LS6",
                List.of(), PersonalData.of(new YoungPerson("Also", "Odd", longAgo.minusYears(15), null, null, null,
                        null, null)), null, null), 0, "coordinator", "COORDINATOR"));
        odd.add(History.of(new Triaged(seenId, TriageOutcome.ACCEPTED, START, List.of(), null, null, null), 1,
                "coordinator", "COORDINATOR"));
        odd.add(History.of(new LinkWorkerAssigned(seenId, participantId, ODD_LINK_WORKER, START), 2, "coordinator",
                "COORDINATOR"));
        odd.add(History.of(new ParticipantEnrolled(participantId, seenId, ODD_LINK_WORKER, START, longAgo,
                ReferralSource.GP), 0, "coordinator", "COORDINATOR"));
        UUID sharedSession = UUID.nameUUIDFromBytes("generated-session-0".getBytes(StandardCharsets.UTF_8));
        UUID sharedSignpost = UUID.nameUUIDFromBytes("generated-signpost-1".getBytes(StandardCharsets.UTF_8));
        odd.add(History.of(new SessionHeld(participantId, sharedSession, START.plusDays(3), 45, SessionLocation.HOME,
                AccompaniedBy.NONE, 35, List.of(Technique.COM_B), ODD_LINK_WORKER, false, PersonalData.of("\u0000")),
                1, "linkworker", "LINK_WORKER"));
        odd.add(History.of(new SignpostedToVcse(participantId, sharedSignpost, "Club\u0000", "Chess\u0000",
                VcseCategory.SOCIAL, START.plusDays(3), false, TransportSupport.NONE), 2, "linkworker", "LINK_WORKER"));
        odd.add(History.of(new UptakeRecorded(participantId, sharedSignpost, true, START.plusDays(20)), 3,
                "linkworker", "LINK_WORKER"));
        append(odd);
        stored.addAll(odd);
        return new Odd(referralId, seenId);
    }

    /** Live, as of now, and folded from this test's events: the same figures, for random periods of its years. */
    private void assertFiguresAgree() throws InterruptedException {
        MetricFacts folded = new MetricFacts();
        stored.forEach(history -> MetricsFold.apply(history.event(), history.sequence(), folded));
        Thread.sleep(2);
        Instant now = Instant.now();
        for (int i = 0; i < 12; i++) {
            LocalDate from = START.minusDays(30).plusDays(random.nextInt(400));
            LocalDate to = from.plusDays(random.nextInt(500));
            Evaluation live = metrics.evaluation(from, to, null);
            assertThat(live).as("live, %s..%s", from, to)
                    .isEqualTo(EvaluationMetrics.compute(folded, from, to, live.asOf()));
            assertThat(metrics.evaluation(from, to, now)).as("as of now, %s..%s", from, to)
                    .isEqualTo(EvaluationMetrics.compute(folded, from, to, now));
            var rate = metrics.referralRate(from, to, EnumSet.allOf(GroupBy.class), null);
            assertThat(rate).isEqualTo(ReferralRate.compute(folded, from, to, EnumSet.allOf(GroupBy.class),
                    rate.asOf()));
        }
        // The generated young people share ids: every one of their sessions counts.
        LocalDate from = START.minusYears(1);
        LocalDate to = START.plusYears(3);
        Evaluation all = metrics.evaluation(from, to, null);
        List<SessionHeld> held = stored.stream().map(History::event).filter(SessionHeld.class::isInstance)
                .map(SessionHeld.class::cast).filter(s -> !s.heldOn().isBefore(from) && !s.heldOn().isAfter(to))
                .toList();
        assertThat(all.peopleSeen()).isEqualTo(held.stream().map(SessionHeld::participantId).distinct().count());
        assertThat(all.walkingDistance().sessions())
                .isEqualTo(held.stream().filter(s -> s.walkMinutesFromHome() != null).count());
    }
}
