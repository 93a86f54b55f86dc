package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.signpost.query.metrics.ExampleHistory.AS_OF;
import static org.signpost.query.metrics.ExampleHistory.FROM;
import static org.signpost.query.metrics.ExampleHistory.TO;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.TriageOutcome;
import org.signpost.query.metrics.Evaluation.AgeAtReferral;
import org.signpost.query.metrics.Evaluation.Change;
import org.signpost.query.metrics.Evaluation.CountAndShare;
import org.signpost.query.metrics.Evaluation.InappropriateReferrals;
import org.signpost.query.metrics.Evaluation.Ons4Change;
import org.signpost.query.metrics.Evaluation.VcseUptake;
import org.signpost.query.metrics.Evaluation.WalkingDistance;

/**
 * Every metric of {@link ExampleHistory} for 2019-04-01..2019-06-30, worked out by hand from the
 * definitions in PRODUCT.md (the comments show the working).
 */
class EvaluationMetricsTest {

    private final Evaluation evaluation = ExampleHistory.evaluation();

    private static BigDecimal n(String decimal) {
        return new BigDecimal(decimal);
    }

    private static CountAndShare cs(int count, String share) {
        return new CountAndShare(count, n(share));
    }

    @Test
    void thePeriodAndInstantAreRepeated() {
        assertThat(evaluation.from()).isEqualTo(FROM);
        assertThat(evaluation.to()).isEqualTo(TO);
        assertThat(evaluation.asOf()).isEqualTo(AS_OF);
    }

    @Test
    void referralsReceivedCountBothBoundaryDays() {
        // In: R2 04-01 (first day), R9 04-10, R6 05-01, R3 05-10, R5 06-01, R8 06-30 (last day) = 6.
        // Out: R0 03-31, R1 03-20, R4 02-15, R10 02-01.
        // Sources: GP R3 R5 R9 = 3 (0.5); SCHOOL R2 R8 = 2 (2/6 = 0.3333); CAMHS R6 = 1 (0.1667).
        // Channels: EMAIL R5 R8 = 2; PRESCRIPTION_PAD R9, ELECTRONIC_FORM R2, PHONE_LINE R3, WEBSITE R6 = 1 each.
        var received = evaluation.referralsReceived();
        assertThat(received.total()).isEqualTo(6);
        Map<ReferralSource, CountAndShare> bySource = new LinkedHashMap<>();
        for (ReferralSource source : ReferralSource.values()) {
            bySource.put(source, cs(0, "0.0"));
        }
        bySource.put(ReferralSource.GP, cs(3, "0.5"));
        bySource.put(ReferralSource.SCHOOL, cs(2, "0.3333"));
        bySource.put(ReferralSource.CAMHS, cs(1, "0.1667"));
        assertThat(received.bySource()).containsExactlyEntriesOf(bySource);
        assertThat(received.byChannel()).containsExactly(
                Map.entry(ReferralChannel.PRESCRIPTION_PAD, cs(1, "0.1667")),
                Map.entry(ReferralChannel.ELECTRONIC_FORM, cs(1, "0.1667")),
                Map.entry(ReferralChannel.PHONE_LINE, cs(1, "0.1667")),
                Map.entry(ReferralChannel.WEBSITE, cs(1, "0.1667")),
                Map.entry(ReferralChannel.EMAIL, cs(2, "0.3333")),
                Map.entry(ReferralChannel.OTHER, cs(0, "0.0")));
    }

    @Test
    void everyReasonCountsOnceAndSharesAreOfReasons() {
        // R2 ANXIETY LONELINESS, R3 EMOTIONAL_HEALTH ANXIETY OTHER, R5 PHYSICAL_ACTIVITY, R6 OTHER,
        // R8 LONELINESS ANXIETY, R9 LIFESTYLE_CHANGE: 10 reasons.
        var reasons = evaluation.reasonsForReferral();
        assertThat(reasons.total()).isEqualTo(10);
        assertThat(reasons.byReason()).containsExactly(
                Map.entry(ReferralReason.PHYSICAL_ACTIVITY, cs(1, "0.1")),
                Map.entry(ReferralReason.EMOTIONAL_HEALTH, cs(1, "0.1")),
                Map.entry(ReferralReason.LIFESTYLE_CHANGE, cs(1, "0.1")),
                Map.entry(ReferralReason.LONELINESS, cs(2, "0.2")),
                Map.entry(ReferralReason.ANXIETY, cs(3, "0.3")),
                Map.entry(ReferralReason.OTHER, cs(2, "0.2")));
    }

    @Test
    void triageIsByDateTriagedAndInappropriateMeansDeclinedAndFailingACriterion() {
        // Triaged in the period: R0 04-01 REDIRECTED (SELF, failed a criterion), R2 04-03 ACCEPTED (SCHOOL),
        // R9 04-12 DECLINED (GP, failed none), R6 05-03 DECLINED (CAMHS, failed none),
        // R3 05-12 ACCEPTED (GP), R5 06-02 DECLINED (GP, failed age) = 6.
        // Out: R10 02-03, R4 02-18, R1 03-25, R8 07-01.
        var triage = evaluation.triageOutcomes();
        assertThat(triage.total()).isEqualTo(6);
        assertThat(triage.byOutcome()).containsExactly(
                Map.entry(TriageOutcome.ACCEPTED, 2),
                Map.entry(TriageOutcome.REDIRECTED, 1),
                Map.entry(TriageOutcome.DECLINED, 3));
        // GP: R3 R5 R9 triaged, only R5 inappropriate: 1/3. SELF's redirection is not a decline.
        // Sources with nothing triaged: a rate over nothing, 0.
        assertThat(triage.inappropriateBySource()).hasSize(ReferralSource.values().length);
        assertThat(triage.inappropriateBySource().keySet()).containsExactly(ReferralSource.values());
        assertThat(triage.inappropriateBySource().get(ReferralSource.GP))
                .isEqualTo(new InappropriateReferrals(1, 3, n("0.3333")));
        assertThat(triage.inappropriateBySource().get(ReferralSource.CAMHS))
                .isEqualTo(new InappropriateReferrals(0, 1, n("0.0")));
        assertThat(triage.inappropriateBySource().get(ReferralSource.SELF))
                .isEqualTo(new InappropriateReferrals(0, 1, n("0.0")));
        assertThat(triage.inappropriateBySource().get(ReferralSource.SCHOOL))
                .isEqualTo(new InappropriateReferrals(0, 1, n("0.0")));
        assertThat(triage.inappropriateBySource().get(ReferralSource.SOCIAL_SERVICES))
                .isEqualTo(new InappropriateReferrals(0, 0, n("0.0")));
    }

    @Test
    void peopleSeenAndTheirReferralToVcse() {
        // Seen (a session 04-01..06-30): P1 (S1b 04-01, S1c), P2 (S2a..S2d 06-30), P3 (S3a), P10 (S10b..g) = 4.
        // Not seen: P4 (last session 03-01), P8 (first session 07-03).
        // Signposted in the period among them: P1 (G1b 06-30), P2 (G2a, G2b), P10 (G10b); not P3 = 3.
        // P4 was signposted in the period but not seen: not referredToVcse.
        assertThat(evaluation.peopleSeen()).isEqualTo(4);
        assertThat(evaluation.referredToVcse()).isEqualTo(3);
        assertThat(evaluation.referralRate()).isEqualTo(n("0.75"));
        assertThat(evaluation.referralRatePercent()).isEqualTo(n("75.0"));
    }

    @Test
    void uptakeCountsEveryoneSignpostedAndAttendanceRecordedAfterThePeriod() {
        // Signposted in the period: P1 (G1b), P2 (G2a, G2b), P4 (G4), P10 (G10b) = 4.
        // Attended: P1 (G1b, recorded 07-15, after the period), P4 (G4, recorded 07-10) = 2.
        // P2: G2a not attended, G2b no uptake. P10: G10b not attended; G10a attended but was signposted before.
        assertThat(evaluation.vcseUptake()).isEqualTo(new VcseUptake(4, 2, n("0.5")));
    }

    @Test
    void sessionsPerPersonOverPeopleSeen() {
        // P3 1, P1 2, P2 4, P10 6: mean 13/4 = 3.25; median of an even count (2 + 4)/2 = 3.0; max 6.
        var perPerson = evaluation.sessionsPerPerson();
        assertThat(perPerson.mean()).isEqualTo(n("3.25"));
        assertThat(perPerson.median()).isEqualTo(n("3.0"));
        assertThat(perPerson.max()).isEqualTo(6);
        assertThat(perPerson.distribution()).containsExactly(
                Map.entry("1", 1), Map.entry("2", 1), Map.entry("3", 0), Map.entry("4", 1), Map.entry("5+", 1));
    }

    @Test
    void sessionMinutesOverSessionsInThePeriod() {
        // P1 45 + 60, P2 30 + 40 + 40 + 50, P3 40, P10 6 x 30: 485 minutes / 13 sessions = 37.307.. = 37.31.
        assertThat(evaluation.sessionMinutes().mean()).isEqualTo(n("37.31"));
    }

    @Test
    void daysToFirstSessionOnlyForFirstEverSessionsInThePeriod() {
        // First sessions ever in the period: P2 04-15 (received 04-01: 14 days), P3 05-21 (received 05-10: 11).
        // P1 (03-28), P4 (03-01), P10 (02-10) began before; P8 (07-03) after. Median (11 + 14)/2 = 12.5.
        assertThat(evaluation.daysToFirstSession().median()).isEqualTo(n("12.5"));
    }

    @Test
    void continuityIsBrokenByALinkWorkerChangeWithinThePeriodOnly() {
        // P1: S1b lw-1, S1c lw-2: broken. P2 all lw-1. P3: S3a lw-2 (S3b lw-3 is after the period).
        // P10: all lw-2 in the period (S10a lw-1 was before it). 3/4.
        assertThat(evaluation.continuity().rate()).isEqualTo(n("0.75"));
    }

    @Test
    void walkingDistanceIgnoresSessionsWithoutAWalkingTime() {
        // In the period with a walk: S1c 35, S2a 30, S2b 31, S2d 5, S10c 45 = 5; over 30: 35, 31, 45 = 3 (30 is not).
        // S1b, S2c, S3a and five of P10's have none; S1a (10), S3b (50), S8a (20) are outside the period.
        assertThat(evaluation.walkingDistance()).isEqualTo(new WalkingDistance(5, 3, n("0.6")));
    }

    @Test
    void ageAtReferralOverReferralsReceivedInThePeriod() {
        // R2 12, R9 14, R6 16, R3 17, R5 10, R8 11: 80/6 = 13.33.. = 13.3; min 10; max 17.
        assertThat(evaluation.ageAtReferral()).isEqualTo(new AgeAtReferral(n("13.3"), 10, 17));
    }

    @Test
    void swemwbsChangeFromTheFirstBaselineToTheLatestMeasureInThePeriod() {
        // P1: baseline 03-28 (before the period) 18.59; latest in the period EXIT 06-30 22.35 (the REVIEW of
        //     07-10 is after it): +3.76.
        // P2: first baseline 04-15 14.08 (a second baseline 05-01 does not replace it); REVIEW 06-10 15.84: +1.76.
        // P3: baseline only: left out. P10: its REVIEW was recorded before the baseline of the same day: left out.
        // (3.76 + 1.76)/2 = 2.76 over 2 participants.
        assertThat(evaluation.outcomeChange().swemwbs()).isEqualTo(new Change(2, n("2.76")));
    }

    @Test
    void ucla3ChangeTakesTheLaterOfTwoMeasuresOfOneDay() {
        // P1: 8 -> EXIT 06-30 5: -3. P2: 9 -> REVIEW 6 and EXIT 4 both 06-10, EXIT recorded later: -5.
        // P3: 6 -> 6: 0. (-3 - 5 + 0)/3 = -2.666.. = -2.67.
        assertThat(evaluation.outcomeChange().ucla3()).isEqualTo(new Change(3, n("-2.67")));
    }

    @Test
    void ons4ChangesPerItem() {
        // P1: [4,5,3,8] -> REVIEW 05-15 [6,6,5,5]: +2 +1 +2 -3.
        // P2: [5,5,5,7] -> EXIT 06-30 [8,6,5,6] (REVIEW 07-05 is after the period): +3 +1 0 -1.
        // Means: 2.5, 1.0, 1.0, -2.0.
        assertThat(evaluation.outcomeChange().ons4()).isEqualTo(new Ons4Change(
                new Change(2, n("2.5")), new Change(2, n("1.0")), new Change(2, n("1.0")), new Change(2, n("-2.0"))));
    }

    @Test
    void aPeriodWithNothingInItIsZeroEverywhere() {
        LocalDate day = LocalDate.parse("2018-06-01");
        Evaluation empty = EvaluationMetrics.compute(ExampleHistory.history().facts(), day, day, AS_OF);

        BigDecimal zero = n("0.0");
        assertThat(empty.referralsReceived().total()).isZero();
        assertThat(empty.referralsReceived().bySource().values()).containsOnly(new CountAndShare(0, zero));
        assertThat(empty.reasonsForReferral().byReason().values()).containsOnly(new CountAndShare(0, zero));
        assertThat(empty.triageOutcomes().byOutcome().values()).containsOnly(0);
        assertThat(empty.triageOutcomes().inappropriateBySource().values())
                .containsOnly(new InappropriateReferrals(0, 0, zero));
        assertThat(List.of(empty.peopleSeen(), empty.referredToVcse())).containsOnly(0);
        assertThat(List.of(empty.referralRate(), empty.referralRatePercent(), empty.vcseUptake().rate(),
                empty.sessionsPerPerson().mean(), empty.sessionsPerPerson().median(), empty.sessionMinutes().mean(),
                empty.daysToFirstSession().median(), empty.continuity().rate(), empty.walkingDistance().rate(),
                empty.outcomeChange().swemwbs().meanChange())).containsOnly(zero);
        assertThat(empty.sessionsPerPerson().max()).isZero();
        assertThat(empty.sessionsPerPerson().distribution().values()).containsOnly(0);
        // The age range of no referrals does not exist: null rather than a misleading 0.
        assertThat(empty.ageAtReferral()).isEqualTo(new AgeAtReferral(zero, null, null));
        assertThat(empty.outcomeChange().ons4().anxious()).isEqualTo(new Change(0, zero));
    }

    @Test
    void eventsFoldedTwiceCountOnce() {
        History history = ExampleHistory.history();
        MetricFacts twice = history.foldInto(history.facts());

        assertThat(EvaluationMetrics.compute(twice, FROM, TO, AS_OF)).isEqualTo(evaluation);
    }

    /**
     * Session and signpost ids are the clients', unique within a participant only: two young
     * people may have a session and a signpost of the same ids, and both count, each uptake for
     * its own participant's signpost.
     */
    @Test
    void sessionsAndSignpostsOfTheSameIdsInTwoParticipantsAllCount() {
        History history = new History();
        for (String person : List.of("A", "B")) {
            history.record(Events.received(Events.id(person + "-R"), "2019-04-01", ReferralSource.GP,
                            ReferralChannel.EMAIL, 14, ReferralReason.ANXIETY),
                    Events.enrolled(Events.id(person), Events.id(person + "-R"), "lw-1", "2019-04-02", "2019-04-01",
                            ReferralSource.GP),
                    Events.session(Events.id(person), Events.id("S"), "2019-04-03", person.equals("A") ? 30 : 50, 40,
                            "lw-1"),
                    Events.signposted(Events.id(person), Events.id("G"), "2019-04-03"));
        }
        history.record(Events.uptake(Events.id("B"), Events.id("G"), true, "2019-04-04"));

        Evaluation shared = EvaluationMetrics.compute(history.facts(), FROM, TO, AS_OF);

        assertThat(shared.peopleSeen()).isEqualTo(2);
        assertThat(shared.referredToVcse()).isEqualTo(2);
        assertThat(shared.sessionMinutes().mean()).isEqualTo(n("40.0"));
        assertThat(shared.walkingDistance()).isEqualTo(new WalkingDistance(2, 2, n("1.0")));
        assertThat(shared.vcseUptake()).isEqualTo(new VcseUptake(2, 1, n("0.5")));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EvaluationMetrics.compute(new MetricFacts(), TO, FROM, AS_OF));
    }
}
