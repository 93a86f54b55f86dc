package org.signpost.command.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.signpost.command.rules.RuleMatchers.invalidOn;
import static org.signpost.command.rules.RuleMatchers.refusedOn;
import static org.signpost.events.InclusionCriterion.AGE_11_TO_18;
import static org.signpost.events.InclusionCriterion.ANXIETY_OR_LONELINESS;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.command.CommandAnswer;
import org.signpost.command.referral.ReferralCommands.AssignLinkWorker;
import org.signpost.command.referral.ReferralCommands.ReceiveNewReferral;
import org.signpost.command.referral.ReferralCommands.ReceiveReferral;
import org.signpost.command.referral.ReferralCommands.TriageReferral;
import org.signpost.command.referral.ReferralCommands.WithdrawReferral;
import org.signpost.command.rules.CommandRefused;
import org.signpost.command.rules.StaleVersion;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.Need;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralSource;
import org.signpost.events.ReferralWithdrawn;
import org.signpost.events.Referrer;
import org.signpost.events.TriageOutcome;
import org.signpost.events.Triaged;
import org.signpost.events.YoungPerson;

/**
 * The referral's rules (PRODUCT.md, "Business rules"): every rule with its accepted and its
 * refused case. "Today" is 2026-11-24 in Europe/London.
 */
class ReferralTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    private static final UUID REFERRAL_ID = UUID.fromString("5f0c2a1e-6f59-4a43-9d0a-1d7a3c2b9e01");
    private static final LocalDate RECEIVED_ON = LocalDate.parse("2026-11-10");
    /** 15 on the day received. */
    private static final LocalDate BORN_2011 = LocalDate.parse("2011-05-01");
    private static final LocalDate TRIAGED_ON = LocalDate.parse("2026-11-12");
    /** The id the service draws for the participant in these tests. */
    private static final UUID PARTICIPANT_ID = UUID.fromString("9b1c7e52-3d4f-4a8b-8c6d-2e5f7a9b0c13");
    /** What a participant's id was before ids were drawn at random: derived from the referral's, so guessable. */
    private static final UUID DERIVED_PARTICIPANT_ID = UUID.nameUUIDFromBytes(
            ("participant-of-referral:" + REFERRAL_ID).getBytes(StandardCharsets.UTF_8));
    private static final String AMIRA = "lw-amira";
    private static final String BEN = "lw-ben";

    private FixtureConfiguration<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(FIXED_CLOCK);
        fixture.registerInjectableResource((ParticipantIds) () -> PARTICIPANT_ID);
    }

    // ---------------------------------------------------------------- receiving a referral

    @Test
    void aValidReferralIsReceivedWithItsDerivedFacts() {
        ReceiveReferral command = referral().build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(receivedEventFor(command, 15, "LS6", List.of()))
                .expectResultMessagePayload(new CommandAnswer(Map.of("referralId", REFERRAL_ID), 0L));
    }

    @Test
    void aReferralUnderAnIdTheServiceMadeIsReceivedWithTheSameFactsAndRulesAsOneUnderTheClientsId() {
        ReceiveReferral form = referral().build();

        fixture.givenNoPriorActivity()
                .when(new ReceiveNewReferral(REFERRAL_ID, form))
                .expectSuccessfulHandlerExecution()
                .expectEvents(receivedEventFor(form, 15, "LS6", List.of()))
                .expectResultMessagePayload(new CommandAnswer(Map.of("referralId", REFERRAL_ID), 0L));
        fixture.givenNoPriorActivity()
                .when(new ReceiveNewReferral(REFERRAL_ID, referral().receivedOn(TODAY.plusDays(1)).build()))
                .expectException(invalidOn("receivedOn"))
                .expectNoEvents();
    }

    @Test
    void aNewReferralsIdIsTheIdOfItsForm() {
        ReceiveReferral form = referral().build();
        assertThatThrownBy(() -> new ReceiveNewReferral(UUID.randomUUID(), form))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReferralReceivedTodayIsAccepted() {
        ReceiveReferral command = referral().receivedOn(TODAY).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 15, "LS6", List.of()));
    }

    @Test
    void aReferralReceivedTomorrowIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(referral().receivedOn(TODAY.plusDays(1)).build())
                .expectException(invalidOn("receivedOn"))
                .expectNoEvents();
    }

    @Test
    void todayIsTakenInLondonSoJustAfterMidnightInSummerTimeIsNotTheFuture() {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July.
        FixtureConfiguration<Referral> summer = new AggregateTestFixture<>(Referral.class);
        summer.registerInjectableResource(Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC));
        ReceiveReferral command = referral().receivedOn(LocalDate.parse("2026-07-01")).build();

        summer.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(receivedEventFor(command, 15, "LS6", List.of()));
    }

    @Test
    void aDateOfBirthAfterTheDateReceivedIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(referral().bornOn(RECEIVED_ON.plusDays(1)).build())
                .expectException(invalidOn("youngPerson.dateOfBirth"))
                .expectNoEvents();
    }

    @Test
    void aDateOfBirthTwentySixYearsOrMoreBeforeTheDateReceivedIsInvalid() {
        for (LocalDate born : List.of(RECEIVED_ON.minusYears(26), LocalDate.of(1, 1, 1))) {
            fixture.givenNoPriorActivity()
                    .when(referral().bornOn(born).build())
                    .expectException(invalidOn("youngPerson.dateOfBirth"))
                    .expectNoEvents();
        }
    }

    @Test
    void aDateOfBirthTwentyFiveYearsBeforeTheDateReceivedIsRecordedFailingTheAgeCriterion() {
        ReceiveReferral command = referral().bornOn(RECEIVED_ON.minusYears(26).plusDays(1)).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 25, "LS6", List.of(AGE_11_TO_18)));
    }

    @Test
    void aDateOfBirthOnTheDateReceivedIsRecordedAsAgeZeroFailingTheAgeCriterion() {
        ReceiveReferral command = referral().bornOn(RECEIVED_ON).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 0, "LS6", List.of(AGE_11_TO_18)));
    }

    @Test
    void aTenYearOldFailsTheAgeCriterion() {
        ReceiveReferral command = referral().bornOn(LocalDate.parse("2016-01-01")).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 10, "LS6", List.of(AGE_11_TO_18)));
    }

    @Test
    void theDayBeforeTheEleventhBirthdayFailsTheAgeCriterion() {
        ReceiveReferral command = referral().bornOn(RECEIVED_ON.minusYears(11).plusDays(1)).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 10, "LS6", List.of(AGE_11_TO_18)));
    }

    @Test
    void anEleventhBirthdayOnTheDayReceivedMeetsTheAgeCriterion() {
        ReceiveReferral command = referral().bornOn(RECEIVED_ON.minusYears(11)).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 11, "LS6", List.of()));
    }

    @Test
    void theDayBeforeTheNineteenthBirthdayMeetsTheAgeCriterionAtEighteen() {
        ReceiveReferral command = referral().bornOn(RECEIVED_ON.minusYears(19).plusDays(1)).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 18, "LS6", List.of()));
    }

    @Test
    void aNineteenthBirthdayOnTheDayReceivedFailsTheAgeCriterion() {
        ReceiveReferral command = referral().bornOn(RECEIVED_ON.minusYears(19)).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 19, "LS6", List.of(AGE_11_TO_18)));
    }

    @Test
    void needsWithoutAnxietyOrLonelinessFailTheNeedsCriterion() {
        ReceiveReferral command = referral().needs(Need.OTHER).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 15, "LS6", List.of(ANXIETY_OR_LONELINESS)));
    }

    @Test
    void lonelinessAloneMeetsTheNeedsCriterion() {
        ReceiveReferral command = referral().needs(Need.OTHER, Need.LONELINESS).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 15, "LS6", List.of()));
    }

    @Test
    void anxietyAloneMeetsTheNeedsCriterion() {
        ReceiveReferral command = referral().needs(Need.ANXIETY).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 15, "LS6", List.of()));
    }

    @Test
    void aReferralCanFailBothCriteriaAtOnce() {
        ReceiveReferral command = referral().bornOn(LocalDate.parse("2005-01-01")).needs(Need.OTHER).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 21, "LS6", List.of(AGE_11_TO_18, ANXIETY_OR_LONELINESS)));
    }

    @Test
    void thePostcodeDistrictIsTheOutwardCodeInCapitals() {
        ReceiveReferral command = referral().postcode("sw1a  1aa").build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 15, "SW1A", List.of()));
    }

    @Test
    void aPostcodeWithoutSpaceStillGivesItsDistrict() {
        ReceiveReferral command = referral().postcode("M11AE").build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 15, "M1", List.of()));
    }

    @Test
    void noPostcodeGivesNoDistrict() {
        ReceiveReferral command = referral().postcode(null).build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(receivedEventFor(command, 15, null, List.of()));
    }

    @Test
    void aRetriedReferralFormChangesNothingAndGetsTheFirstAnswer() {
        ReceiveReferral command = referral().build();

        fixture.given(receivedEventFor(command, 15, "LS6", List.of()))
                .when(referral().build())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandAnswer(Map.of("referralId", REFERRAL_ID), 0L));
    }

    @Test
    void aRetriedReferralFormAfterTriageStillGetsTheFirstAnswer() {
        ReceiveReferral command = referral().build();

        fixture.given(receivedEventFor(command, 15, "LS6", List.of()), accepted(TRIAGED_ON))
                .when(command)
                .expectNoEvents()
                .expectResultMessagePayload(new CommandAnswer(Map.of("referralId", REFERRAL_ID), 0L));
    }

    @Test
    void anotherFormUnderAnExistingReferralIdIsRefused() {
        ReceiveReferral first = referral().build();

        fixture.given(receivedEventFor(first, 15, "LS6", List.of()))
                .when(referral().firstName("Someone").build())
                .expectException(refusedOn("referralId"))
                .expectExceptionMessage("Referral " + REFERRAL_ID + " exists with other content")
                .expectNoEvents();
    }

    @Test
    void anotherDateReceivedUnderAnExistingReferralIdIsRefused() {
        ReceiveReferral first = referral().build();

        fixture.given(receivedEventFor(first, 15, "LS6", List.of()))
                .when(referral().receivedOn(RECEIVED_ON.plusDays(1)).build())
                .expectException(refusedOn("referralId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- triage

    @Test
    void aReferralMeetingTheCriteriaIsAccepted() {
        fixture.given(received())
                .when(triage(TriageOutcome.ACCEPTED).build())
                .expectEvents(new Triaged(REFERRAL_ID, TriageOutcome.ACCEPTED, TRIAGED_ON, List.of(), null,
                        PersonalData.of("good fit"), null))
                .expectResultMessagePayload(new CommandAnswer(
                        Map.of("outcome", TriageOutcome.ACCEPTED, "failedCriteria", List.of()), 1L));
    }

    @Test
    void triageOnTheDayReceivedIsAllowed() {
        fixture.given(received())
                .when(triage(TriageOutcome.ACCEPTED).on(RECEIVED_ON).build())
                .expectEvents(new Triaged(REFERRAL_ID, TriageOutcome.ACCEPTED, RECEIVED_ON, List.of(), null,
                        PersonalData.of("good fit"), null));
    }

    @Test
    void triageTodayIsAllowed() {
        fixture.given(received())
                .when(triage(TriageOutcome.DECLINED).on(TODAY).build())
                .expectEvents(new Triaged(REFERRAL_ID, TriageOutcome.DECLINED, TODAY, List.of(), null,
                        PersonalData.of("good fit"), null));
    }

    @Test
    void aRedirectedReferralNamesWhereItWent() {
        fixture.given(received())
                .when(triage(TriageOutcome.REDIRECTED).redirectedTo("CAMHS crisis team").build())
                .expectEvents(new Triaged(REFERRAL_ID, TriageOutcome.REDIRECTED, TRIAGED_ON, List.of(),
                        "CAMHS crisis team", PersonalData.of("good fit"), null))
                .expectResultMessagePayload(new CommandAnswer(
                        Map.of("outcome", TriageOutcome.REDIRECTED, "failedCriteria", List.of()), 1L));
    }

    @Test
    void aRedirectedReferralWithoutRedirectedToIsInvalid() {
        fixture.given(received())
                .when(triage(TriageOutcome.REDIRECTED).redirectedTo(null).build())
                .expectException(invalidOn("redirectedTo"))
                .expectNoEvents();
    }

    @Test
    void aRedirectedReferralWithABlankRedirectedToIsInvalid() {
        fixture.given(received())
                .when(triage(TriageOutcome.REDIRECTED).redirectedTo("   ").build())
                .expectException(invalidOn("redirectedTo"))
                .expectNoEvents();
    }

    @Test
    void redirectedToIsOnlyKeptForARedirectedReferral() {
        fixture.given(received())
                .when(triage(TriageOutcome.DECLINED).redirectedTo("CAMHS crisis team").reason(null).build())
                .expectEvents(new Triaged(REFERRAL_ID, TriageOutcome.DECLINED, TRIAGED_ON, List.of(), null, null, null));
    }

    @Test
    void aDeclinedReferralReportsTheCriteriaItFailedWithoutAnOverride() {
        fixture.given(received(LocalDate.parse("2016-01-01"), Need.OTHER))
                .when(triage(TriageOutcome.DECLINED).overrideReason("ignored").build())
                .expectEvents(new Triaged(REFERRAL_ID, TriageOutcome.DECLINED, TRIAGED_ON,
                        List.of(AGE_11_TO_18, ANXIETY_OR_LONELINESS), null, PersonalData.of("good fit"), null))
                .expectResultMessagePayload(new CommandAnswer(Map.of("outcome", TriageOutcome.DECLINED,
                        "failedCriteria", List.of(AGE_11_TO_18, ANXIETY_OR_LONELINESS)), 1L));
    }

    @Test
    void aBlankTriageReasonIsNotKept() {
        fixture.given(received())
                .when(triage(TriageOutcome.ACCEPTED).reason("  ").build())
                .expectEvents(new Triaged(REFERRAL_ID, TriageOutcome.ACCEPTED, TRIAGED_ON, List.of(), null, null, null));
    }

    @Test
    void acceptingAReferralThatFailsACriterionWithoutAnOverrideReasonIsRefused() {
        fixture.given(received(LocalDate.parse("2016-01-01"), Need.ANXIETY))
                .when(triage(TriageOutcome.ACCEPTED).overrideReason(null).build())
                .expectException(refusedOn("overrideReason"))
                .expectExceptionMessage("Accepting a referral that fails [AGE_11_TO_18] needs an override reason")
                .expectNoEvents();
    }

    @Test
    void acceptingAReferralThatFailsACriterionWithABlankOverrideReasonIsRefused() {
        fixture.given(received(BORN_2011, Need.OTHER))
                .when(triage(TriageOutcome.ACCEPTED).overrideReason(" ").build())
                .expectException(refusedOn("overrideReason"))
                .expectNoEvents();
    }

    @Test
    void acceptingAReferralThatFailsACriterionWithAnOverrideReasonCarriesTheReason() {
        fixture.given(received(LocalDate.parse("2016-01-01"), Need.ANXIETY))
                .when(triage(TriageOutcome.ACCEPTED).overrideReason("turns 11 next month; school insists").build())
                .expectEvents(new Triaged(REFERRAL_ID, TriageOutcome.ACCEPTED, TRIAGED_ON, List.of(AGE_11_TO_18), null,
                        PersonalData.of("good fit"), PersonalData.of("turns 11 next month; school insists")))
                .expectResultMessagePayload(new CommandAnswer(
                        Map.of("outcome", TriageOutcome.ACCEPTED, "failedCriteria", List.of(AGE_11_TO_18)), 1L));
    }

    @Test
    void anOverrideReasonIsNotKeptWhenNoCriterionFailed() {
        fixture.given(received())
                .when(triage(TriageOutcome.ACCEPTED).overrideReason("   ").build())
                .expectEvents(new Triaged(REFERRAL_ID, TriageOutcome.ACCEPTED, TRIAGED_ON, List.of(), null,
                        PersonalData.of("good fit"), null));
    }

    @Test
    void aReferralIsTriagedOnlyOnce() {
        fixture.given(received(), accepted(TRIAGED_ON))
                .when(triage(TriageOutcome.DECLINED).build())
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Referral " + REFERRAL_ID + " was already triaged on " + TRIAGED_ON)
                .expectNoEvents();
    }

    @Test
    void aWithdrawnReferralCannotBeTriaged() {
        fixture.given(received(), withdrawn(TRIAGED_ON))
                .when(triage(TriageOutcome.ACCEPTED).build())
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Referral " + REFERRAL_ID + " was withdrawn on " + TRIAGED_ON)
                .expectNoEvents();
    }

    @Test
    void triageBeforeTheDateReceivedIsRefused() {
        fixture.given(received())
                .when(triage(TriageOutcome.ACCEPTED).on(RECEIVED_ON.minusDays(1)).build())
                .expectException(refusedOn("triagedOn"))
                .expectNoEvents();
    }

    @Test
    void triageInTheFutureIsInvalid() {
        fixture.given(received())
                .when(triage(TriageOutcome.ACCEPTED).on(TODAY.plusDays(1)).build())
                .expectException(invalidOn("triagedOn"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- assignment

    @Test
    void assigningALinkWorkerToAnAcceptedReferralEnrolsTheParticipant() {
        UUID participantId = PARTICIPANT_ID;
        LocalDate assignedOn = LocalDate.parse("2026-11-13");

        fixture.given(received(), accepted(TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, assignedOn))
                .expectEvents(
                        new LinkWorkerAssigned(REFERRAL_ID, participantId, AMIRA, assignedOn),
                        new ParticipantEnrolled(participantId, REFERRAL_ID, AMIRA, assignedOn, RECEIVED_ON,
                                ReferralSource.SCHOOL))
                .expectResultMessagePayload(new CommandAnswer(Map.of("participantId", participantId), 2L));
    }

    @Test
    void assignmentOnTheDayOfTriageIsAllowed() {
        UUID participantId = PARTICIPANT_ID;

        fixture.given(received(), accepted(TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TRIAGED_ON))
                .expectEvents(
                        new LinkWorkerAssigned(REFERRAL_ID, participantId, AMIRA, TRIAGED_ON),
                        new ParticipantEnrolled(participantId, REFERRAL_ID, AMIRA, TRIAGED_ON, RECEIVED_ON,
                                ReferralSource.SCHOOL));
    }

    @Test
    void theAssignmentDateDefaultsToToday() {
        UUID participantId = PARTICIPANT_ID;

        fixture.given(received(), accepted(TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, null))
                .expectEvents(
                        new LinkWorkerAssigned(REFERRAL_ID, participantId, AMIRA, TODAY),
                        new ParticipantEnrolled(participantId, REFERRAL_ID, AMIRA, TODAY, RECEIVED_ON,
                                ReferralSource.SCHOOL));
    }

    @Test
    void theServiceDrawsEveryParticipantIdAtRandom() {
        ParticipantIds random = ParticipantIds.random();

        UUID first = random.next();
        UUID second = random.next();

        assertThat(first.version()).isEqualTo(4);
        assertThat(second.version()).isEqualTo(4);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aRedirectedReferralGetsNoLinkWorker() {
        fixture.given(received(), triaged(TriageOutcome.REDIRECTED, TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Only an accepted referral gets a link worker")
                .expectNoEvents();
    }

    @Test
    void aDeclinedReferralGetsNoLinkWorker() {
        fixture.given(received(), triaged(TriageOutcome.DECLINED, TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Only an accepted referral gets a link worker")
                .expectNoEvents();
    }

    @Test
    void aReferralAwaitingTriageGetsNoLinkWorker() {
        fixture.given(received())
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Only an accepted referral gets a link worker")
                .expectNoEvents();
    }

    @Test
    void aWithdrawnReferralGetsNoLinkWorker() {
        fixture.given(received(), withdrawn(TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void assigningTheSameLinkWorkerAgainIsAnsweredAsTheFirstTime() {
        fixture.given(received(), accepted(TRIAGED_ON), assigned(AMIRA, TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandAnswer(Map.of("participantId", PARTICIPANT_ID), 2L));
    }

    /** Assignments stored before ids were drawn at random carry the derived id: it stays the participant's. */
    @Test
    void aRetriedAssignmentAnswersTheParticipantIdItRecordedNotANewOne() {
        fixture.given(received(), accepted(TRIAGED_ON),
                        new LinkWorkerAssigned(REFERRAL_ID, DERIVED_PARTICIPANT_ID, AMIRA, TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandAnswer(Map.of("participantId", DERIVED_PARTICIPANT_ID), 2L));
    }

    @Test
    void assigningAnotherLinkWorkerToAnAssignedReferralIsRefused() {
        fixture.given(received(), accepted(TRIAGED_ON), assigned(AMIRA, TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, BEN, TODAY))
                .expectException(refusedOn("linkWorkerId"))
                .expectNoEvents();
    }

    @Test
    void assignmentBeforeTheTriageIsRefused() {
        fixture.given(received(), accepted(TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TRIAGED_ON.minusDays(1)))
                .expectException(refusedOn("assignedOn"))
                .expectNoEvents();
    }

    @Test
    void assignmentInTheFutureIsInvalid() {
        fixture.given(received(), accepted(TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY.plusDays(1)))
                .expectException(invalidOn("assignedOn"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- withdrawal

    @Test
    void aReferralAwaitingTriageCanBeWithdrawn() {
        LocalDate withdrawnOn = LocalDate.parse("2026-11-11");

        fixture.given(received())
                .when(new WithdrawReferral(REFERRAL_ID, "family moved away", withdrawnOn))
                .expectEvents(new ReferralWithdrawn(REFERRAL_ID, withdrawnOn, PersonalData.of("family moved away")))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 1L));
    }

    @Test
    void theWithdrawalDateDefaultsToToday() {
        fixture.given(received())
                .when(new WithdrawReferral(REFERRAL_ID, "family moved away", null))
                .expectEvents(new ReferralWithdrawn(REFERRAL_ID, TODAY, PersonalData.of("family moved away")));
    }

    @Test
    void withdrawalOnTheDayReceivedIsAllowed() {
        fixture.given(received())
                .when(new WithdrawReferral(REFERRAL_ID, "sent in error", RECEIVED_ON))
                .expectEvents(new ReferralWithdrawn(REFERRAL_ID, RECEIVED_ON, PersonalData.of("sent in error")));
    }

    @Test
    void aTriagedReferralCannotBeWithdrawn() {
        fixture.given(received(), accepted(TRIAGED_ON))
                .when(new WithdrawReferral(REFERRAL_ID, "family moved away", TODAY))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Referral " + REFERRAL_ID
                        + " was triaged; only a referral awaiting triage can be withdrawn")
                .expectNoEvents();
    }

    @Test
    void aReferralIsWithdrawnOnlyOnce() {
        fixture.given(received(), withdrawn(TRIAGED_ON))
                .when(new WithdrawReferral(REFERRAL_ID, "again", TODAY))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Referral " + REFERRAL_ID + " was withdrawn on " + TRIAGED_ON)
                .expectNoEvents();
    }

    @Test
    void withdrawalBeforeTheDateReceivedIsRefused() {
        fixture.given(received())
                .when(new WithdrawReferral(REFERRAL_ID, "sent in error", RECEIVED_ON.minusDays(1)))
                .expectException(refusedOn("withdrawnOn"))
                .expectNoEvents();
    }

    @Test
    void withdrawalInTheFutureIsInvalid() {
        fixture.given(received())
                .when(new WithdrawReferral(REFERRAL_ID, "sent in error", TODAY.plusDays(1)))
                .expectException(invalidOn("withdrawnOn"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- If-Match and identity

    @Test
    void aCommandOnTheExpectedVersionIsHandled() {
        UUID participantId = PARTICIPANT_ID;

        fixture.given(received(), accepted(TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY), Map.of("expectedVersion", 1L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new LinkWorkerAssigned(REFERRAL_ID, participantId, AMIRA, TODAY),
                        new ParticipantEnrolled(participantId, REFERRAL_ID, AMIRA, TODAY, RECEIVED_ON,
                                ReferralSource.SCHOOL));
    }

    @Test
    void aCommandOnAStaleVersionIsRefusedWithTheCurrentVersion() {
        fixture.given(received(), accepted(TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY), Map.of("expectedVersion", 0L))
                .expectException(new CustomTypeSafeMatcher<StaleVersion>("a StaleVersion with current version 1") {
                    @Override
                    protected boolean matchesSafely(StaleVersion item) {
                        return item.currentVersion() == 1L;
                    }
                })
                .expectExceptionMessage("Expected version 0 but the current version is 1")
                .expectNoEvents();
    }

    @Test
    void aVersionAheadOfTheAggregateIsAlsoStale() {
        fixture.given(received(), accepted(TRIAGED_ON), assigned(AMIRA, TRIAGED_ON))
                .when(new AssignLinkWorker(REFERRAL_ID, AMIRA, TODAY), Map.of("expectedVersion", 3L))
                .expectException(StaleVersion.class)
                .expectNoEvents();
    }

    @Test
    void aStaleVersionIsCheckedBeforeTheRetryOfAReferralForm() {
        fixture.given(received(), accepted(TRIAGED_ON))
                .when(referral().build(), Map.of("expectedVersion", 0L))
                .expectException(StaleVersion.class)
                .expectNoEvents();
    }

    /** The web layer answers this with 404 (CommandProblemsAdvice maps IncompatibleAggregateException). */
    @Test
    void aParticipantsIdSentAsAReferralsIsIncompatible() {
        UUID participantId = PARTICIPANT_ID;

        fixture.given(new ParticipantEnrolled(participantId, REFERRAL_ID, AMIRA, TRIAGED_ON, RECEIVED_ON,
                        ReferralSource.SCHOOL))
                .when(new TriageReferral(participantId, TriageOutcome.ACCEPTED, TODAY, null, null, null))
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    /** The web layer answers this with 409: a new referral may not take an id that is a participant's. */
    @Test
    void aNewReferralWithAParticipantsIdIsIncompatible() {
        fixture.given(new ParticipantEnrolled(REFERRAL_ID, PARTICIPANT_ID, AMIRA, TRIAGED_ON, RECEIVED_ON,
                        ReferralSource.SCHOOL))
                .when(referral().build())
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- helpers


    /** The received referral of a 15-year-old with anxiety: meets every criterion. */
    private static ReferralReceived received() {
        return received(BORN_2011, Need.ANXIETY);
    }

    private static ReferralReceived received(LocalDate bornOn, Need... needs) {
        ReceiveReferral command = referral().bornOn(bornOn).needs(needs).build();
        return receivedEventFor(command, InclusionCriteria.ageOn(bornOn, RECEIVED_ON), "LS6",
                InclusionCriteria.failedBy(InclusionCriteria.ageOn(bornOn, RECEIVED_ON), List.of(needs)));
    }

    /** The event a form should give, with the derived facts spelled out by the test. */
    private static ReferralReceived receivedEventFor(ReceiveReferral command, int age, String district,
            List<InclusionCriterion> failed) {
        return new ReferralReceived(command.referralId(), command.source(), command.channel(), command.receivedOn(),
                command.reasons(), command.needs(), command.consentGivenBy(), age, district, failed,
                PersonalData.of(command.youngPerson()), PersonalData.ofNullable(command.referrer()),
                PersonalData.ofNullable(command.notes()));
    }

    private static Triaged accepted(LocalDate on) {
        return triaged(TriageOutcome.ACCEPTED, on);
    }

    private static Triaged triaged(TriageOutcome outcome, LocalDate on) {
        return new Triaged(REFERRAL_ID, outcome, on, List.of(),
                outcome == TriageOutcome.REDIRECTED ? "Kooth" : null, null, null);
    }

    private static LinkWorkerAssigned assigned(String linkWorkerId, LocalDate on) {
        return new LinkWorkerAssigned(REFERRAL_ID, PARTICIPANT_ID, linkWorkerId, on);
    }

    private static ReferralWithdrawn withdrawn(LocalDate on) {
        return new ReferralWithdrawn(REFERRAL_ID, on, PersonalData.of("no longer wanted"));
    }

    private static ReferralBuilder referral() {
        return new ReferralBuilder();
    }

    private static TriageBuilder triage(TriageOutcome outcome) {
        return new TriageBuilder(outcome);
    }

    /** A referral form from a school for a 15-year-old in LS6 with anxiety; change what a test is about. */
    private static final class ReferralBuilder {
        private LocalDate receivedOn = RECEIVED_ON;
        private LocalDate bornOn = BORN_2011;
        private String firstName = "Jo";
        private String postcode = "LS6 3QW";
        private List<Need> needs = List.of(Need.ANXIETY);

        ReferralBuilder receivedOn(LocalDate value) {
            receivedOn = value;
            return this;
        }

        ReferralBuilder bornOn(LocalDate value) {
            bornOn = value;
            return this;
        }

        ReferralBuilder firstName(String value) {
            firstName = value;
            return this;
        }

        ReferralBuilder postcode(String value) {
            postcode = value;
            return this;
        }

        ReferralBuilder needs(Need... values) {
            needs = List.of(values);
            return this;
        }

        ReceiveReferral build() {
            YoungPerson youngPerson = new YoungPerson(firstName, "Bloggs", bornOn, "943 476 5919", postcode,
                    "Leeds High", "07700 900123", new YoungPerson.ParentCarer("Sam Bloggs", "07700 900456", "mother"));
            Referrer referrer = new Referrer("Ms Khan", "Leeds High", "pastoral lead", "khan@leedshigh.example", null);
            return new ReceiveReferral(REFERRAL_ID, ReferralSource.SCHOOL, ReferralChannel.ELECTRONIC_FORM, receivedOn,
                    youngPerson, referrer, List.of(ReferralReason.ANXIETY, ReferralReason.EMOTIONAL_HEALTH), needs,
                    ConsentGivenBy.PARENT_CARER, "keen to try football");
        }
    }

    private static final class TriageBuilder {
        private final TriageOutcome outcome;
        private LocalDate triagedOn = TRIAGED_ON;
        private String reason = "good fit";
        private String redirectedTo;
        private String overrideReason;

        TriageBuilder(TriageOutcome outcome) {
            this.outcome = outcome;
        }

        TriageBuilder on(LocalDate value) {
            triagedOn = value;
            return this;
        }

        TriageBuilder reason(String value) {
            reason = value;
            return this;
        }

        TriageBuilder redirectedTo(String value) {
            redirectedTo = value;
            return this;
        }

        TriageBuilder overrideReason(String value) {
            overrideReason = value;
            return this;
        }

        TriageReferral build() {
            return new TriageReferral(REFERRAL_ID, outcome, triagedOn, reason, redirectedTo, overrideReason);
        }
    }
}
