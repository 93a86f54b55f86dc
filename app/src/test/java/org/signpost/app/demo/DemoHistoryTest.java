package org.signpost.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.app.demo.DemoStep.Kind.ASSIGN;
import static org.signpost.app.demo.DemoStep.Kind.CHANGE_LINK_WORKER;
import static org.signpost.app.demo.DemoStep.Kind.CONTACT;
import static org.signpost.app.demo.DemoStep.Kind.DISCHARGE;
import static org.signpost.app.demo.DemoStep.Kind.ERASURE;
import static org.signpost.app.demo.DemoStep.Kind.EXTENSION;
import static org.signpost.app.demo.DemoStep.Kind.MEASURE;
import static org.signpost.app.demo.DemoStep.Kind.MISSED_SESSION;
import static org.signpost.app.demo.DemoStep.Kind.RECEIVE;
import static org.signpost.app.demo.DemoStep.Kind.SAFEGUARDING_CONCERN;
import static org.signpost.app.demo.DemoStep.Kind.SESSION;
import static org.signpost.app.demo.DemoStep.Kind.SIGNPOST;
import static org.signpost.app.demo.DemoStep.Kind.TRIAGE;
import static org.signpost.app.demo.DemoStep.Kind.UPTAKE;
import static org.signpost.app.demo.DemoStep.Kind.WITHDRAW;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signpost.events.Instrument;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.Timepoint;
import org.signpost.events.TriageOutcome;

/** The demo's planned history, over several seeds and days: each property it must have for every one. */
class DemoHistoryTest {

    static Stream<Arguments> plans() {
        List<Arguments> plans = new ArrayList<>();
        LocalDate[] days = {LocalDate.of(2026, 12, 2), LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29)};
        for (long seed = 1; seed <= 12; seed++) {
            plans.add(Arguments.of(DemoHistory.plan(seed, days[(int) seed % days.length])));
        }
        plans.add(Arguments.of(DemoHistory.plan(19, LocalDate.of(2026, 12, 2))));
        return plans.stream();
    }

    @ParameterizedTest
    @MethodSource("plans")
    void atLeast150ReferralsAreReceivedInTheLast365DaysAndNoneLater(DemoPlan plan) {
        assertThat(plan.referrals()).hasSizeGreaterThanOrEqualTo(150).doesNotHaveDuplicates();
        assertThat(plan.steps(RECEIVE)).hasSameSizeAs(plan.referrals());
        assertThat(plan.referralsReceivedBetween(plan.firstDay(), plan.today())).isEqualTo(plan.referrals().size());
        assertThat(plan.firstDay()).isEqualTo(plan.today().minusDays(364));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void everySourceChannelAndReasonIsThere(DemoPlan plan) {
        assertThat(values(plan, RECEIVE, "source")).containsAll(names(ReferralSource.values()));
        assertThat(values(plan, RECEIVE, "channel")).containsAll(names(ReferralChannel.values()));
        Set<String> reasons = new HashSet<>();
        plan.steps(RECEIVE).forEach(step -> ((Collection<?>) step.body().get("reasons")).forEach(r -> reasons.add(r.toString())));
        assertThat(reasons).containsAll(names(ReferralReason.values()));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void everyTriageOutcomeAnOverrideAWithdrawalAndReferralsAwaitingTriageAreThere(DemoPlan plan) {
        assertThat(values(plan, TRIAGE, "outcome")).containsAll(names(TriageOutcome.values()));
        assertThat(plan.steps(TRIAGE)).anySatisfy(step -> {
            assertThat(step.body().get("outcome")).isEqualTo(TriageOutcome.ACCEPTED);
            assertThat(step.body()).containsKey("overrideReason");
        });
        assertThat(plan.steps(TRIAGE)).filteredOn(step -> step.body().get("outcome") == TriageOutcome.REDIRECTED)
                .allSatisfy(step -> assertThat(step.body()).containsKey("redirectedTo"));
        assertThat(plan.steps(WITHDRAW)).isNotEmpty();
        assertThat(plan.stories().values()).as("awaiting triage").anyMatch(story -> story.size() == 1);
        for (List<DemoStep> story : plan.stories().values()) {
            assertThat(story.stream().filter(s -> s.kind() == TRIAGE || s.kind() == WITHDRAW))
                    .as("a referral is triaged or withdrawn once at most").hasSizeLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("plans")
    void fourLinkWorkersHaveParticipantsAndEveryKindOfSupportIsRecorded(DemoPlan plan) {
        assertThat(values(plan, ASSIGN, "linkWorkerId")).containsExactlyInAnyOrderElementsOf(DemoHistory.LINK_WORKERS);
        for (DemoStep.Kind kind : List.of(SESSION, MISSED_SESSION, CONTACT, SIGNPOST, UPTAKE, CHANGE_LINK_WORKER, EXTENSION,
                SAFEGUARDING_CONCERN, DISCHARGE)) {
            assertThat(plan.steps(kind)).as(kind.name()).isNotEmpty();
        }
        assertThat(plan.steps(ERASURE)).hasSize(1);
        assertThat(values(plan, UPTAKE, "attended")).contains("true", "false");
        assertThat(values(plan, DISCHARGE, "reason")).contains("COMPLETED", "DISENGAGED", "ESCALATED");
    }

    @ParameterizedTest
    @MethodSource("plans")
    void everyInstrumentIsMeasuredAtEveryTimepointWithinItsRange(DemoPlan plan) {
        Set<String> measured = new HashSet<>();
        for (DemoStep step : plan.steps(MEASURE)) {
            Instrument instrument = (Instrument) step.body().get("instrument");
            measured.add(instrument + " " + step.body().get("timepoint"));
            List<?> items = (List<?>) step.body().get("itemScores");
            switch (instrument) {
                case SWEMWBS -> assertThat(items).hasSize(7).allSatisfy(item -> assertThat((Integer) item).isBetween(1, 5));
                case UCLA3 -> assertThat(items).hasSize(3).allSatisfy(item -> assertThat((Integer) item).isBetween(1, 3));
                case ONS4 -> assertThat(items).hasSize(4).allSatisfy(item -> assertThat((Integer) item).isBetween(0, 10));
            }
        }
        for (Instrument instrument : Instrument.values()) {
            for (Timepoint timepoint : Timepoint.values()) {
                assertThat(measured).contains(instrument + " " + timepoint);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("plans")
    void noDateIsInTheFutureOrBeforeTheReferralWasReceivedTriagedOrTheParticipantEnrolled(DemoPlan plan) {
        for (List<DemoStep> story : plan.stories().values()) {
            LocalDate received = story.get(0).date("receivedOn");
            assertThat(story.get(0).kind()).isEqualTo(RECEIVE);
            assertThat(received).isBetween(plan.firstDay(), plan.today());
            LocalDate earliest = received;
            LocalDate previous = received;
            for (DemoStep step : story) {
                assertThat(step.on()).as("%s in order", step.kind()).isAfterOrEqualTo(previous).isBeforeOrEqualTo(plan.today());
                previous = step.on();
                for (Map.Entry<String, Object> field : step.body().entrySet()) {
                    if (field.getValue() instanceof LocalDate date && !field.getKey().equals("dateOfBirth")) {
                        assertThat(date).as("%s %s", step.kind(), field.getKey()).isEqualTo(step.on())
                                .isAfterOrEqualTo(earliest).isBeforeOrEqualTo(plan.today());
                    }
                }
                if (step.kind() == TRIAGE || step.kind() == ASSIGN) {
                    earliest = step.on();
                }
                if (step.kind().onParticipant()) {
                    assertThat(kinds(story)).as("support only after enrolment").contains(ASSIGN);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("plans")
    void nothingButAnErasureFollowsADischarge(DemoPlan plan) {
        for (List<DemoStep> story : plan.stories().values()) {
            int discharge = kinds(story).indexOf(DISCHARGE);
            if (discharge >= 0) {
                assertThat(kinds(story.subList(discharge + 1, story.size()))).allMatch(kind -> kind == ERASURE);
            }
        }
        DemoStep erasure = plan.steps(ERASURE).get(0);
        assertThat(kinds(plan.stepsOf(erasure.referralId()))).contains(DISCHARGE);
        assertThat(erasure.actor()).isEqualTo(DemoHistory.DATA_PROTECTION_OFFICER);
    }

    @ParameterizedTest
    @MethodSource("plans")
    void supportIsRecordedByTheLinkWorkerAssignedAtTheTime(DemoPlan plan) {
        Set<String> staff = Set.of(DemoHistory.COORDINATOR, DemoHistory.MANAGER);
        for (List<DemoStep> story : plan.stories().values()) {
            String current = null;
            for (DemoStep step : story) {
                switch (step.kind()) {
                    case RECEIVE, TRIAGE, ASSIGN, WITHDRAW, CHANGE_LINK_WORKER, EXTENSION ->
                            assertThat(step.actor()).isIn(step.kind() == EXTENSION ? Set.of(DemoHistory.MANAGER) : staff);
                    case ERASURE -> assertThat(step.actor()).isEqualTo(DemoHistory.DATA_PROTECTION_OFFICER);
                    default -> assertThat(step.actor()).as(step.kind().name()).isEqualTo(DemoHistory.userOf(current));
                }
                if (step.kind() == ASSIGN || step.kind() == CHANGE_LINK_WORKER) {
                    assertThat(step.body().get("linkWorkerId")).isNotEqualTo(current);
                    current = (String) step.body().get("linkWorkerId");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("plans")
    void someSessionsAreBeyondTheTwelveWeeksAndAnExtendedParticipantHasSessionsPastThemWithinTheExtension(DemoPlan plan) {
        int beyond = 0;
        int extendedPast = 0;
        for (List<DemoStep> story : plan.stories().values()) {
            List<LocalDate> sessions = story.stream().filter(step -> step.kind() == SESSION).map(DemoStep::on).toList();
            if (sessions.isEmpty()) {
                continue;
            }
            LocalDate end = sessions.get(0).plusDays(DemoHistory.ENTITLEMENT_DAYS);
            long past = sessions.stream().filter(day -> day.isAfter(end)).count();
            if (kinds(story).contains(EXTENSION)) {
                extendedPast += past;
            } else {
                beyond += past;
            }
        }
        assertThat(beyond).isPositive();
        assertThat(extendedPast).isPositive();
    }

    @ParameterizedTest
    @MethodSource("plans")
    void anUptakeFollowsItsOwnParticipantsSignpostAndSessionsHaveValidLengths(DemoPlan plan) {
        Map<UUID, List<DemoStep>> stories = plan.stories();
        for (DemoStep uptake : plan.steps(UPTAKE)) {
            assertThat(stories.get(uptake.referralId())).filteredOn(step -> step.kind() == SIGNPOST
                    && step.body().get("signpostId").equals(uptake.signpostId()) && step.on().isBefore(uptake.on())).hasSize(1);
        }
        assertThat(plan.steps(SESSION)).allSatisfy(step ->
                assertThat((Integer) step.body().get("durationMinutes")).isBetween(1, 240));
        assertThat(plan.steps(SESSION)).anySatisfy(step ->
                assertThat((Integer) step.body().getOrDefault("walkMinutesFromHome", 0)).isGreaterThan(30));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void theSameSeedAndDayGiveTheSameHistoryAndAnotherSeedAnother(DemoPlan plan) {
        assertThat(DemoHistory.plan(plan.seed(), plan.today())).isEqualTo(plan);
        assertThat(DemoHistory.plan(plan.seed() + 1, plan.today()).referrals()).doesNotContainAnyElementsOf(plan.referrals());
    }

    private static List<DemoStep.Kind> kinds(List<DemoStep> story) {
        return story.stream().map(DemoStep::kind).toList();
    }

    private static Set<String> values(DemoPlan plan, DemoStep.Kind kind, String field) {
        Set<String> values = new HashSet<>();
        plan.steps(kind).forEach(step -> values.add(String.valueOf(step.body().get(field))));
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }
}
