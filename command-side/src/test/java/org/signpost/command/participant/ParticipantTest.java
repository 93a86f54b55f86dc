package org.signpost.command.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signpost.command.rules.RuleMatchers.invalidOn;
import static org.signpost.command.rules.RuleMatchers.refusedOn;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.signpost.command.CommandAnswer;
import org.signpost.command.participant.ParticipantCommands.ChangeLinkWorker;
import org.signpost.command.participant.ParticipantCommands.CloseSafeguardingConcern;
import org.signpost.command.participant.ParticipantCommands.DischargeParticipant;
import org.signpost.command.participant.ParticipantCommands.ExtendSupport;
import org.signpost.command.participant.ParticipantCommands.RaiseSafeguardingConcern;
import org.signpost.command.participant.ParticipantCommands.RecordContact;
import org.signpost.command.participant.ParticipantCommands.RecordMissedSession;
import org.signpost.command.participant.ParticipantCommands.RecordOutcomeMeasure;
import org.signpost.command.participant.ParticipantCommands.RecordSession;
import org.signpost.command.participant.ParticipantCommands.RecordUptake;
import org.signpost.command.participant.ParticipantCommands.SignpostToVcse;
import org.signpost.command.rules.CommandRefused;
import org.signpost.command.rules.StaleVersion;
import org.signpost.command.rules.UnknownEntity;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.ContactMade;
import org.signpost.events.DischargeReason;
import org.signpost.events.Instrument;
import org.signpost.events.LinkWorkerChanged;
import org.signpost.events.Need;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ParticipantDischarged;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralSource;
import org.signpost.events.SafeguardingConcernClosed;
import org.signpost.events.SafeguardingConcernRaised;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionLocation;
import org.signpost.events.SessionMissed;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.SupportExtended;
import org.signpost.events.Technique;
import org.signpost.events.Timepoint;
import org.signpost.events.TransportSupport;
import org.signpost.events.UptakeRecorded;
import org.signpost.events.VcseCategory;
import org.signpost.events.YoungPerson;

/**
 * The participant's rules (PRODUCT.md, "Business rules"): every rule with its accepted and its
 * refused case. "Today" is 2026-11-24 in Europe/London.
 */
class ParticipantTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    private static final UUID PARTICIPANT_ID = UUID.fromString("9b1f3c2d-4e5f-3a6b-8c7d-0e1f2a3b4c5d");
    private static final UUID REFERRAL_ID = UUID.fromString("5f0c2a1e-6f59-4a43-9d0a-1d7a3c2b9e01");
    private static final LocalDate REFERRAL_RECEIVED_ON = LocalDate.parse("2026-06-01");
    private static final LocalDate ENROLLED_ON = LocalDate.parse("2026-06-10");
    private static final LocalDate FIRST_SESSION_ON = LocalDate.parse("2026-06-15");
    /** First session + 12 weeks: the first day beyond the entitlement. */
    private static final LocalDate ENTITLEMENT_ENDS = LocalDate.parse("2026-09-07");
    private static final String AMIRA = "lw-amira";
    private static final String BEN = "lw-ben";

    private static final UUID SESSION_1 = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID SESSION_2 = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID SIGNPOST = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID CONCERN = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    private static final LocalDate SIGNPOSTED_ON = LocalDate.parse("2026-07-01");
    private static final UUID CONCERN_2 = UUID.fromString("00000000-0000-4000-8000-0000000000c2");
    private static final LocalDate RAISED_ON = LocalDate.parse("2026-07-10");

    private FixtureConfiguration<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
        fixture.registerInjectableResource(FIXED_CLOCK);
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void aSessionIsRecordedWithTheAssignedLinkWorker() {
        RecordSession command = session(SESSION_1, FIRST_SESSION_ON);

        fixture.given(enrolled())
                .when(command)
                .expectEvents(heldFrom(command, AMIRA, false))
                .expectResultMessagePayload(sessionAnswer(SESSION_1, false, 1L));
    }

    @ParameterizedTest(name = "{0} minutes")
    @ValueSource(ints = {1, 240})
    void aSessionOfOneTo240MinutesIsRecorded(int minutes) {
        RecordSession command = session(SESSION_1, FIRST_SESSION_ON, minutes);

        fixture.given(enrolled())
                .when(command)
                .expectEvents(heldFrom(command, AMIRA, false));
    }

    @ParameterizedTest(name = "{0} minutes")
    @ValueSource(ints = {-40, 0, 241, 600})
    void aSessionLengthOutside1To240MinutesIsInvalid(int minutes) {
        fixture.given(enrolled())
                .when(session(SESSION_1, FIRST_SESSION_ON, minutes))
                .expectException(invalidOn("durationMinutes"))
                .expectNoEvents();
    }

    @Test
    void aSessionHeldTodayIsRecorded() {
        RecordSession command = session(SESSION_1, TODAY);

        fixture.given(enrolled())
                .when(command)
                .expectEvents(heldFrom(command, AMIRA, false));
    }

    @Test
    void aSessionInTheFutureIsInvalid() {
        fixture.given(enrolled())
                .when(session(SESSION_1, TODAY.plusDays(1)))
                .expectException(invalidOn("heldOn"))
                .expectNoEvents();
    }

    @Test
    void aSessionOnTheDayTheReferralWasReceivedIsRecorded() {
        RecordSession command = session(SESSION_1, REFERRAL_RECEIVED_ON);

        fixture.given(enrolled())
                .when(command)
                .expectEvents(heldFrom(command, AMIRA, false));
    }

    @Test
    void aSessionBeforeTheReferralWasReceivedIsRefused() {
        fixture.given(enrolled())
                .when(session(SESSION_1, REFERRAL_RECEIVED_ON.minusDays(1)))
                .expectException(refusedOn("heldOn"))
                .expectExceptionMessage("heldOn 2026-05-31 is before the date the referral was received (2026-06-01)")
                .expectNoEvents();
    }

    @Test
    void aSessionForADischargedParticipantIsRefused() {
        fixture.given(enrolled(), discharged(TODAY.minusDays(7)))
                .when(session(SESSION_1, TODAY.minusDays(1)))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("Participant " + PARTICIPANT_ID + " was discharged on " + TODAY.minusDays(7))
                .expectNoEvents();
    }

    @Test
    void aBlankSessionNoteIsNotKept() {
        RecordSession command = session(SESSION_1, FIRST_SESSION_ON, 40, "  ");

        fixture.given(enrolled())
                .when(command)
                .expectEvents(new SessionHeld(PARTICIPANT_ID, SESSION_1, FIRST_SESSION_ON, 40, SessionLocation.HOME,
                        AccompaniedBy.PARENT_CARER, 20, List.of(Technique.MOTIVATIONAL_INTERVIEWING), AMIRA, false, null));
    }

    @Test
    void aSessionAfterALinkWorkerChangeIsRecordedWithTheNewLinkWorker() {
        RecordSession command = session(SESSION_2, TODAY);

        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), linkWorkerChanged(AMIRA, BEN))
                .when(command)
                .expectEvents(heldFrom(command, BEN, true));
    }

    // ---------------------------------------------------------------- the 12-week entitlement

    @Test
    void theFirstSessionIsWithinTheEntitlement() {
        fixture.given(enrolled())
                .when(session(SESSION_1, FIRST_SESSION_ON))
                .expectResultMessagePayload(sessionAnswer(SESSION_1, false, 1L));
    }

    @Test
    void theLastDayOfTwelveWeeksFromTheFirstSessionIsWithinTheEntitlement() {
        RecordSession command = session(SESSION_2, ENTITLEMENT_ENDS.minusDays(1));

        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON))
                .when(command)
                .expectEvents(heldFrom(command, AMIRA, false))
                .expectResultMessagePayload(sessionAnswer(SESSION_2, false, 2L));
    }

    @Test
    void aSessionTwelveWeeksAfterTheFirstIsRecordedButBeyondTheEntitlement() {
        RecordSession command = session(SESSION_2, ENTITLEMENT_ENDS);

        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON))
                .when(command)
                .expectEvents(heldFrom(command, AMIRA, true))
                .expectResultMessagePayload(sessionAnswer(SESSION_2, true, 2L));
    }

    @Test
    void anExtensionKeepsALaterSessionWithinTheEntitlement() {
        RecordSession command = session(SESSION_2, ENTITLEMENT_ENDS);

        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), extended(4))
                .when(command)
                .expectEvents(heldFrom(command, AMIRA, false))
                .expectResultMessagePayload(sessionAnswer(SESSION_2, false, 3L));
    }

    @Test
    void theLastDayOfAnExtendedEntitlementIsWithinIt() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), extended(4))
                .when(session(SESSION_2, FIRST_SESSION_ON.plusWeeks(16).minusDays(1)))
                .expectResultMessagePayload(sessionAnswer(SESSION_2, false, 3L));
    }

    @Test
    void aSessionAfterAnExtendedEntitlementIsBeyondIt() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), extended(4))
                .when(session(SESSION_2, FIRST_SESSION_ON.plusWeeks(16)))
                .expectResultMessagePayload(sessionAnswer(SESSION_2, true, 3L));
    }

    @Test
    void extensionsAddUp() {
        LocalDate fifteenWeeks = FIRST_SESSION_ON.plusWeeks(15);

        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), extended(2), extended(2))
                .when(session(SESSION_2, fifteenWeeks))
                .expectResultMessagePayload(sessionAnswer(SESSION_2, false, 4L));
    }

    @Test
    void aBackDatedSessionBeforeTheFirstIsWithinTheEntitlement() {
        RecordSession command = session(SESSION_2, FIRST_SESSION_ON.minusDays(7));

        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON))
                .when(command)
                .expectEvents(heldFrom(command, AMIRA, false))
                .expectResultMessagePayload(sessionAnswer(SESSION_2, false, 2L));
    }

    @Test
    void aBackDatedSessionBecomesTheFirstTheEntitlementCountsFrom() {
        LocalDate backDated = FIRST_SESSION_ON.minusDays(7);
        UUID third = UUID.fromString("00000000-0000-4000-8000-000000000003");
        // Within 12 weeks of the session recorded first, but not of the back-dated one.
        RecordSession command = session(third, backDated.plusWeeks(12));

        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), held(SESSION_2, backDated))
                .when(command)
                .expectEvents(heldFrom(command, AMIRA, true));
    }

    // ---------------------------------------------------------------- retried sessions

    @Test
    void aRetriedSessionChangesNothingAndGetsTheFirstAnswer() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), contact(FIRST_SESSION_ON.plusDays(2)))
                .when(session(SESSION_1, FIRST_SESSION_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(sessionAnswer(SESSION_1, false, 1L));
    }

    @Test
    void aRetriedSessionKeepsItsFirstEntitlementAnswerAfterAnExtension() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON),
                        heldFrom(session(SESSION_2, ENTITLEMENT_ENDS), AMIRA, true), extended(4))
                .when(session(SESSION_2, ENTITLEMENT_ENDS))
                .expectNoEvents()
                .expectResultMessagePayload(sessionAnswer(SESSION_2, true, 2L));
    }

    @Test
    void aRetriedSessionAfterDischargeIsAnsweredAsTheFirstTime() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), discharged(TODAY))
                .when(session(SESSION_1, FIRST_SESSION_ON))
                .expectNoEvents()
                .expectResultMessagePayload(sessionAnswer(SESSION_1, false, 1L));
    }

    @Test
    void anotherSessionUnderAnExistingSessionIdIsRefused() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON))
                .when(session(SESSION_1, FIRST_SESSION_ON, 50))
                .expectException(refusedOn("sessionId"))
                .expectExceptionMessage("Session " + SESSION_1 + " exists with other content")
                .expectNoEvents();
    }

    @Test
    void anotherNoteUnderAnExistingSessionIdIsRefused() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON))
                .when(session(SESSION_1, FIRST_SESSION_ON, 40, "a different note"))
                .expectException(refusedOn("sessionId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- missed sessions

    @Test
    void aMissedSessionIsRecordedWithItsReason() {
        LocalDate plannedOn = LocalDate.parse("2026-07-06");

        fixture.given(enrolled())
                .when(new RecordMissedSession(PARTICIPANT_ID, plannedOn, "unwell"))
                .expectEvents(new SessionMissed(PARTICIPANT_ID, plannedOn, PersonalData.of("unwell")))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 1L));
    }

    @Test
    void aMissedSessionWithoutAReasonKeepsNone() {
        fixture.given(enrolled())
                .when(new RecordMissedSession(PARTICIPANT_ID, TODAY, " "))
                .expectEvents(new SessionMissed(PARTICIPANT_ID, TODAY, null));
    }

    @Test
    void aMissedSessionInTheFutureIsInvalid() {
        fixture.given(enrolled())
                .when(new RecordMissedSession(PARTICIPANT_ID, TODAY.plusDays(1), "unwell"))
                .expectException(invalidOn("plannedOn"))
                .expectNoEvents();
    }

    @Test
    void aMissedSessionBeforeTheReferralWasReceivedIsRefused() {
        fixture.given(enrolled())
                .when(new RecordMissedSession(PARTICIPANT_ID, REFERRAL_RECEIVED_ON.minusDays(1), "unwell"))
                .expectException(refusedOn("plannedOn"))
                .expectNoEvents();
    }

    @Test
    void aMissedSessionForADischargedParticipantIsRefused() {
        fixture.given(enrolled(), discharged(TODAY.minusDays(7)))
                .when(new RecordMissedSession(PARTICIPANT_ID, TODAY.minusDays(1), "unwell"))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- contacts

    @Test
    void aContactIsRecorded() {
        fixture.given(enrolled())
                .when(new RecordContact(PARTICIPANT_ID, ContactChannel.TEXT, ContactDirection.OUTBOUND, TODAY))
                .expectEvents(new ContactMade(PARTICIPANT_ID, ContactChannel.TEXT, ContactDirection.OUTBOUND, TODAY))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 1L));
    }

    @Test
    void aContactInTheFutureIsInvalid() {
        fixture.given(enrolled())
                .when(new RecordContact(PARTICIPANT_ID, ContactChannel.PHONE, ContactDirection.INBOUND, TODAY.plusDays(1)))
                .expectException(invalidOn("contactedOn"))
                .expectNoEvents();
    }

    @Test
    void aContactBeforeTheReferralWasReceivedIsRefused() {
        fixture.given(enrolled())
                .when(new RecordContact(PARTICIPANT_ID, ContactChannel.PHONE, ContactDirection.INBOUND,
                        REFERRAL_RECEIVED_ON.minusDays(1)))
                .expectException(refusedOn("contactedOn"))
                .expectNoEvents();
    }

    @Test
    void aContactForADischargedParticipantIsRefused() {
        fixture.given(enrolled(), discharged(TODAY.minusDays(7)))
                .when(new RecordContact(PARTICIPANT_ID, ContactChannel.EMAIL, ContactDirection.OUTBOUND, TODAY))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- outcome measures

    @Test
    void theLowestSwemwbsIsSevenOnTheMetricScale() {
        List<Integer> items = List.of(1, 1, 1, 1, 1, 1, 1);

        fixture.given(enrolled())
                .when(measure(Instrument.SWEMWBS, items))
                .expectEvents(measured(Instrument.SWEMWBS, items, new BigDecimal("7.00")))
                .expectResultMessagePayload(new CommandAnswer(scoreBody(new BigDecimal("7.00")), 1L));
    }

    @Test
    void theHighestSwemwbsIsThirtyFiveOnTheMetricScale() {
        List<Integer> items = List.of(5, 5, 5, 5, 5, 5, 5);

        fixture.given(enrolled())
                .when(measure(Instrument.SWEMWBS, items))
                .expectEvents(measured(Instrument.SWEMWBS, items, new BigDecimal("35.00")))
                .expectResultMessagePayload(new CommandAnswer(scoreBody(new BigDecimal("35.00")), 1L));
    }

    @Test
    void aSwemwbsRawTotalOf21Is19Point25OnTheMetricScale() {
        List<Integer> items = List.of(1, 5, 2, 4, 3, 3, 3);

        fixture.given(enrolled())
                .when(measure(Instrument.SWEMWBS, items))
                .expectEvents(measured(Instrument.SWEMWBS, items, new BigDecimal("19.25")))
                .expectResultMessagePayload(new CommandAnswer(scoreBody(new BigDecimal("19.25")), 1L));
    }

    @Test
    void aSwemwbsWithSixItemsIsInvalid() {
        fixture.given(enrolled())
                .when(measure(Instrument.SWEMWBS, List.of(3, 3, 3, 3, 3, 3)))
                .expectException(invalidOn("itemScores"))
                .expectExceptionMessage("SWEMWBS has 7 items, 6 were given")
                .expectNoEvents();
    }

    @Test
    void aSwemwbsItemOfZeroIsInvalidAndNamed() {
        fixture.given(enrolled())
                .when(measure(Instrument.SWEMWBS, List.of(3, 3, 0, 3, 3, 3, 3)))
                .expectException(invalidOn("itemScores[2]"))
                .expectNoEvents();
    }

    @Test
    void aSwemwbsItemOfSixIsInvalidAndNamed() {
        fixture.given(enrolled())
                .when(measure(Instrument.SWEMWBS, List.of(3, 3, 3, 3, 3, 3, 6)))
                .expectException(invalidOn("itemScores[6]"))
                .expectNoEvents();
    }

    @Test
    void theUclaLonelinessScoreIsTheTotalOfItsItems() {
        List<Integer> items = List.of(1, 2, 3);

        fixture.given(enrolled())
                .when(measure(Instrument.UCLA3, items))
                .expectEvents(measured(Instrument.UCLA3, items, BigDecimal.valueOf(6)))
                .expectResultMessagePayload(new CommandAnswer(scoreBody(BigDecimal.valueOf(6)), 1L));
    }

    @Test
    void aUclaItemOfFourIsInvalid() {
        fixture.given(enrolled())
                .when(measure(Instrument.UCLA3, List.of(1, 4, 1)))
                .expectException(invalidOn("itemScores[1]"))
                .expectNoEvents();
    }

    @Test
    void aUclaWithFourItemsIsInvalid() {
        fixture.given(enrolled())
                .when(measure(Instrument.UCLA3, List.of(1, 2, 3, 1)))
                .expectException(invalidOn("itemScores"))
                .expectNoEvents();
    }

    @Test
    void ons4ItemsAreKeptInOrderAndNeverSummed() {
        List<Integer> items = List.of(7, 8, 0, 10);

        fixture.given(enrolled())
                .when(measure(Instrument.ONS4, items))
                .expectEvents(measured(Instrument.ONS4, items, null))
                .expectResultMessagePayload(new CommandAnswer(scoreBody(null), 1L));
    }

    @Test
    void anOns4ItemOfElevenIsInvalid() {
        fixture.given(enrolled())
                .when(measure(Instrument.ONS4, List.of(7, 11, 5, 5)))
                .expectException(invalidOn("itemScores[1]"))
                .expectNoEvents();
    }

    @Test
    void aMeasureWithAMissingItemScoreIsInvalid() {
        fixture.given(enrolled())
                .when(measure(Instrument.ONS4, Arrays.asList(7, null, 5, 5)))
                .expectException(invalidOn("itemScores[1]"))
                .expectNoEvents();
    }

    @Test
    void aMeasureInTheFutureIsInvalid() {
        fixture.given(enrolled())
                .when(new RecordOutcomeMeasure(PARTICIPANT_ID, Instrument.UCLA3, Timepoint.BASELINE, TODAY.plusDays(1),
                        List.of(1, 1, 1)))
                .expectException(invalidOn("recordedOn"))
                .expectNoEvents();
    }

    @Test
    void aMeasureBeforeTheReferralWasReceivedIsRefused() {
        fixture.given(enrolled())
                .when(new RecordOutcomeMeasure(PARTICIPANT_ID, Instrument.UCLA3, Timepoint.BASELINE,
                        REFERRAL_RECEIVED_ON.minusDays(1), List.of(1, 1, 1)))
                .expectException(refusedOn("recordedOn"))
                .expectNoEvents();
    }

    @Test
    void aMeasureForADischargedParticipantIsRefused() {
        fixture.given(enrolled(), discharged(TODAY.minusDays(7)))
                .when(measure(Instrument.UCLA3, List.of(1, 1, 1)))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- signposting to VCSE

    @Test
    void aParticipantIsSignpostedToAnActivity() {
        fixture.given(enrolled())
                .when(signpost(SIGNPOST, SIGNPOSTED_ON))
                .expectEvents(signposted(SIGNPOST, SIGNPOSTED_ON))
                .expectResultMessagePayload(new CommandAnswer(Map.of("signpostId", SIGNPOST), 1L));
    }

    @Test
    void aRetriedSignpostChangesNothingAndGetsTheFirstAnswer() {
        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON), contact(SIGNPOSTED_ON))
                .when(signpost(SIGNPOST, SIGNPOSTED_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandAnswer(Map.of("signpostId", SIGNPOST), 1L));
    }

    @Test
    void anotherSignpostUnderAnExistingSignpostIdIsRefused() {
        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON))
                .when(signpost(SIGNPOST, SIGNPOSTED_ON.plusDays(1)))
                .expectException(refusedOn("signpostId"))
                .expectExceptionMessage("Signpost " + SIGNPOST + " exists with other content")
                .expectNoEvents();
    }

    @Test
    void aSignpostInTheFutureIsInvalid() {
        fixture.given(enrolled())
                .when(signpost(SIGNPOST, TODAY.plusDays(1)))
                .expectException(invalidOn("signpostedOn"))
                .expectNoEvents();
    }

    @Test
    void aSignpostBeforeTheReferralWasReceivedIsRefused() {
        fixture.given(enrolled())
                .when(signpost(SIGNPOST, REFERRAL_RECEIVED_ON.minusDays(1)))
                .expectException(refusedOn("signpostedOn"))
                .expectNoEvents();
    }

    @Test
    void aSignpostForADischargedParticipantIsRefused() {
        fixture.given(enrolled(), discharged(TODAY.minusDays(7)))
                .when(signpost(SIGNPOST, TODAY.minusDays(1)))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- uptake

    @Test
    void uptakeOfASignpostIsRecorded() {
        LocalDate recordedOn = SIGNPOSTED_ON.plusDays(14);

        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON))
                .when(new RecordUptake(PARTICIPANT_ID, SIGNPOST, true, recordedOn))
                .expectEvents(new UptakeRecorded(PARTICIPANT_ID, SIGNPOST, true, recordedOn))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 2L));
    }

    @Test
    void uptakeOnTheDayOfTheSignpostIsRecorded() {
        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON))
                .when(new RecordUptake(PARTICIPANT_ID, SIGNPOST, false, SIGNPOSTED_ON))
                .expectEvents(new UptakeRecorded(PARTICIPANT_ID, SIGNPOST, false, SIGNPOSTED_ON));
    }

    @Test
    void uptakeOfAnUnknownSignpostIsUnknown() {
        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON))
                .when(new RecordUptake(PARTICIPANT_ID, UUID.fromString("00000000-0000-4000-8000-0000000000ff"), true,
                        TODAY))
                .expectException(UnknownEntity.class)
                .expectNoEvents();
    }

    @Test
    void uptakeBeforeTheSignpostIsRefused() {
        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON))
                .when(new RecordUptake(PARTICIPANT_ID, SIGNPOST, true, SIGNPOSTED_ON.minusDays(1)))
                .expectException(refusedOn("recordedOn"))
                .expectNoEvents();
    }

    @Test
    void uptakeInTheFutureIsInvalid() {
        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON))
                .when(new RecordUptake(PARTICIPANT_ID, SIGNPOST, true, TODAY.plusDays(1)))
                .expectException(invalidOn("recordedOn"))
                .expectNoEvents();
    }

    @Test
    void theSameUptakeAgainChangesNothingAndAnswersTheFirstVersion() {
        LocalDate recordedOn = SIGNPOSTED_ON.plusDays(14);

        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON),
                        new UptakeRecorded(PARTICIPANT_ID, SIGNPOST, true, recordedOn),
                        new ContactMade(PARTICIPANT_ID, ContactChannel.TEXT, ContactDirection.INBOUND, recordedOn))
                .when(new RecordUptake(PARTICIPANT_ID, SIGNPOST, true, recordedOn))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 2L));
    }

    @Test
    void aChangedUptakeIsRecorded() {
        LocalDate recordedOn = SIGNPOSTED_ON.plusDays(14);

        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON),
                        new UptakeRecorded(PARTICIPANT_ID, SIGNPOST, true, recordedOn))
                .when(new RecordUptake(PARTICIPANT_ID, SIGNPOST, false, recordedOn))
                .expectEvents(new UptakeRecorded(PARTICIPANT_ID, SIGNPOST, false, recordedOn))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 3L));
    }

    @Test
    void newUptakeForADischargedParticipantIsRefused() {
        fixture.given(enrolled(), signposted(SIGNPOST, SIGNPOSTED_ON), discharged(TODAY.minusDays(7)))
                .when(new RecordUptake(PARTICIPANT_ID, SIGNPOST, true, TODAY))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- link-worker change

    @Test
    void aLinkWorkerChangeKeepsThePreviousLinkWorkerAndTheReason() {
        LocalDate changedOn = LocalDate.parse("2026-08-03");

        fixture.given(enrolled())
                .when(new ChangeLinkWorker(PARTICIPANT_ID, BEN, "Amira on long-term leave", changedOn))
                .expectEvents(new LinkWorkerChanged(PARTICIPANT_ID, AMIRA, BEN, changedOn,
                        PersonalData.of("Amira on long-term leave")))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 1L));
    }

    @Test
    void theLinkWorkerChangeDateDefaultsToToday() {
        fixture.given(enrolled())
                .when(new ChangeLinkWorker(PARTICIPANT_ID, BEN, "caseload balance", null))
                .expectEvents(new LinkWorkerChanged(PARTICIPANT_ID, AMIRA, BEN, TODAY, PersonalData.of("caseload balance")));
    }

    @Test
    void aSecondChangeNamesTheLinkWorkerOfTheFirstChangeAsPrevious() {
        fixture.given(enrolled(), linkWorkerChanged(AMIRA, BEN))
                .when(new ChangeLinkWorker(PARTICIPANT_ID, AMIRA, "back from leave", TODAY))
                .expectEvents(new LinkWorkerChanged(PARTICIPANT_ID, BEN, AMIRA, TODAY, PersonalData.of("back from leave")));
    }

    @Test
    void changingToTheSameLinkWorkerIsRefused() {
        fixture.given(enrolled())
                .when(new ChangeLinkWorker(PARTICIPANT_ID, AMIRA, "no change", TODAY))
                .expectException(refusedOn("linkWorkerId"))
                .expectNoEvents();
    }

    @Test
    void aLinkWorkerChangeInTheFutureIsInvalid() {
        fixture.given(enrolled())
                .when(new ChangeLinkWorker(PARTICIPANT_ID, BEN, "planned", TODAY.plusDays(1)))
                .expectException(invalidOn("changedOn"))
                .expectNoEvents();
    }

    @Test
    void aLinkWorkerChangeBeforeTheReferralWasReceivedIsRefused() {
        fixture.given(enrolled())
                .when(new ChangeLinkWorker(PARTICIPANT_ID, BEN, "typo", REFERRAL_RECEIVED_ON.minusDays(1)))
                .expectException(refusedOn("changedOn"))
                .expectNoEvents();
    }

    @Test
    void aLinkWorkerChangeForADischargedParticipantIsRefused() {
        fixture.given(enrolled(), discharged(TODAY.minusDays(7)))
                .when(new ChangeLinkWorker(PARTICIPANT_ID, BEN, "too late", TODAY))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- extension of support

    @Test
    void aManagerExtendsSupportFromToday() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON))
                .when(new ExtendSupport(PARTICIPANT_ID, 4, "exams; needs continuity"))
                .expectEvents(new SupportExtended(PARTICIPANT_ID, 4, TODAY, PersonalData.of("exams; needs continuity")))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 2L));
    }

    @ParameterizedTest(name = "{0} weeks")
    @ValueSource(ints = {1, 52})
    void anExtensionOfOneTo52WeeksIsAllowed(int weeks) {
        fixture.given(enrolled())
                .when(new ExtendSupport(PARTICIPANT_ID, weeks, "reason"))
                .expectEvents(new SupportExtended(PARTICIPANT_ID, weeks, TODAY, PersonalData.of("reason")));
    }

    @ParameterizedTest(name = "{0} weeks")
    @ValueSource(ints = {-1, 0, 53})
    void anExtensionOutside1To52WeeksIsInvalid(int weeks) {
        fixture.given(enrolled())
                .when(new ExtendSupport(PARTICIPANT_ID, weeks, "reason"))
                .expectException(invalidOn("weeks"))
                .expectNoEvents();
    }

    @Test
    void anExtensionForADischargedParticipantIsRefused() {
        fixture.given(enrolled(), discharged(TODAY.minusDays(7)))
                .when(new ExtendSupport(PARTICIPANT_ID, 4, "too late"))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- safeguarding

    @Test
    void aSafeguardingConcernIsRaised() {
        fixture.given(enrolled())
                .when(new RaiseSafeguardingConcern(PARTICIPANT_ID, CONCERN, TODAY, "disclosed bullying"))
                .expectEvents(new SafeguardingConcernRaised(PARTICIPANT_ID, CONCERN, TODAY,
                        PersonalData.of("disclosed bullying")))
                .expectResultMessagePayload(new CommandAnswer(Map.of("concernId", CONCERN), 1L));
    }

    @Test
    void aSafeguardingConcernInTheFutureIsInvalid() {
        fixture.given(enrolled())
                .when(new RaiseSafeguardingConcern(PARTICIPANT_ID, CONCERN, TODAY.plusDays(1), "summary"))
                .expectException(invalidOn("raisedOn"))
                .expectNoEvents();
    }

    @Test
    void aSafeguardingConcernBeforeTheReferralWasReceivedIsRefused() {
        fixture.given(enrolled())
                .when(new RaiseSafeguardingConcern(PARTICIPANT_ID, CONCERN, REFERRAL_RECEIVED_ON.minusDays(1), "summary"))
                .expectException(refusedOn("raisedOn"))
                .expectNoEvents();
    }

    @Test
    void aSafeguardingConcernForADischargedParticipantIsRefused() {
        fixture.given(enrolled(), discharged(TODAY.minusDays(7)))
                .when(new RaiseSafeguardingConcern(PARTICIPANT_ID, CONCERN, TODAY, "summary"))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- closing a safeguarding concern

    @Test
    void anOpenConcernIsClosedWithItsOutcome() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON))
                .when(close(CONCERN, TODAY, "school lead met the family"))
                .expectEvents(new SafeguardingConcernClosed(PARTICIPANT_ID, CONCERN, TODAY,
                        PersonalData.of("school lead met the family")))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 2L))
                .expectState(participant -> assertThat(participant.openConcerns()).isEmpty());
    }

    @Test
    void aConcernClosedOnTheDayItWasRaisedIsClosed() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON))
                .when(close(CONCERN, RAISED_ON, "outcome"))
                .expectEvents(closed(CONCERN, RAISED_ON, "outcome"));
    }

    @Test
    void closingOneConcernLeavesAnotherOpen() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON), raised(CONCERN_2, RAISED_ON))
                .when(close(CONCERN, TODAY, "outcome"))
                .expectEvents(closed(CONCERN, TODAY, "outcome"))
                .expectState(participant -> assertThat(participant.openConcerns()).containsExactly(CONCERN_2));
    }

    @Test
    void aConcernNeverRaisedIsUnknown() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON))
                .when(close(CONCERN_2, TODAY, "outcome"))
                .expectException(UnknownEntity.class)
                .expectExceptionMessage("No safeguarding concern " + CONCERN_2 + " for participant " + PARTICIPANT_ID)
                .expectNoEvents();
    }

    @Test
    void aConcernClosedBeforeItWasRaisedIsRefused() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON))
                .when(close(CONCERN, RAISED_ON.minusDays(1), "outcome"))
                .expectException(refusedOn("closedOn"))
                .expectExceptionMessage("closedOn 2026-07-09 is before the day the concern was raised (2026-07-10)")
                .expectNoEvents();
    }

    @Test
    void aConcernClosedInTheFutureIsInvalid() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON))
                .when(close(CONCERN, TODAY.plusDays(1), "outcome"))
                .expectException(invalidOn("closedOn"))
                .expectNoEvents();
    }

    @Test
    void aClosedConcernIsNotClosedAgain() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON), closed(CONCERN, TODAY.minusDays(2), "outcome"))
                .when(close(CONCERN, TODAY, "another outcome"))
                .expectException(refusedOn("concernId"))
                .expectExceptionMessage("Safeguarding concern " + CONCERN + " was already closed on "
                        + TODAY.minusDays(2))
                .expectNoEvents();
    }

    /** A retry whose first answer was lost, as for the other commands with an id. */
    @Test
    void theSameClosureAgainChangesNothingAndAnswersTheFirstVersion() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON), closed(CONCERN, TODAY, "outcome"), contact(TODAY))
                .when(close(CONCERN, TODAY, "outcome"))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 2L));
    }

    @Test
    void aConcernOfADischargedParticipantIsNotClosed() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON), discharged(TODAY.minusDays(7)))
                .when(close(CONCERN, TODAY.minusDays(1), "outcome"))
                .expectException(new CustomTypeSafeMatcher<CommandRefused>("refused as discharged") {
                    @Override
                    protected boolean matchesSafely(CommandRefused item) {
                        return item.getMessage().contains("was discharged on " + TODAY.minusDays(7));
                    }
                })
                .expectNoEvents();
    }

    @Test
    void anotherLinkWorkerCannotCloseAConcern() {
        fixture.given(enrolled(), raised(CONCERN, RAISED_ON))
                .when(close(CONCERN, TODAY, "outcome"), linkWorker(BEN))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- discharge

    @Test
    void aParticipantIsDischarged() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON))
                .when(new DischargeParticipant(PARTICIPANT_ID, DischargeReason.COMPLETED, TODAY))
                .expectEvents(new ParticipantDischarged(PARTICIPANT_ID, DischargeReason.COMPLETED, TODAY))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 2L));
    }

    @Test
    void aParticipantIsDischargedOnlyOnce() {
        fixture.given(enrolled(), discharged(TODAY.minusDays(7)))
                .when(new DischargeParticipant(PARTICIPANT_ID, DischargeReason.COMPLETED, TODAY))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aDischargeInTheFutureIsInvalid() {
        fixture.given(enrolled())
                .when(new DischargeParticipant(PARTICIPANT_ID, DischargeReason.MOVED_AWAY, TODAY.plusDays(1)))
                .expectException(invalidOn("dischargedOn"))
                .expectNoEvents();
    }

    @Test
    void aDischargeBeforeTheReferralWasReceivedIsRefused() {
        fixture.given(enrolled())
                .when(new DischargeParticipant(PARTICIPANT_ID, DischargeReason.OTHER, REFERRAL_RECEIVED_ON.minusDays(1)))
                .expectException(refusedOn("dischargedOn"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyChangeOtherThanARetry")
    void nothingButAReadHappensAfterDischarge(String what, Object command) {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), signposted(SIGNPOST, SIGNPOSTED_ON),
                        discharged(TODAY.minusDays(7)))
                .when(command)
                .expectException(new CustomTypeSafeMatcher<CommandRefused>("refused as discharged") {
                    @Override
                    protected boolean matchesSafely(CommandRefused item) {
                        return item.getMessage().contains("was discharged on " + TODAY.minusDays(7));
                    }
                })
                .expectNoEvents();
    }

    static Stream<Arguments> everyChangeOtherThanARetry() {
        LocalDate yesterday = TODAY.minusDays(1);
        return Stream.of(
                Arguments.of("session", session(SESSION_2, yesterday)),
                Arguments.of("missed session", new RecordMissedSession(PARTICIPANT_ID, yesterday, null)),
                Arguments.of("contact", new RecordContact(PARTICIPANT_ID, ContactChannel.TEXT, ContactDirection.OUTBOUND,
                        yesterday)),
                Arguments.of("measure", new RecordOutcomeMeasure(PARTICIPANT_ID, Instrument.SWEMWBS, Timepoint.EXIT,
                        yesterday, List.of(3, 3, 3, 3, 3, 3, 3))),
                Arguments.of("signpost", signpost(UUID.fromString("00000000-0000-4000-8000-0000000000a2"), yesterday)),
                Arguments.of("uptake", new RecordUptake(PARTICIPANT_ID, SIGNPOST, true, yesterday)),
                Arguments.of("link-worker change", new ChangeLinkWorker(PARTICIPANT_ID, BEN, "reason", yesterday)),
                Arguments.of("extension", new ExtendSupport(PARTICIPANT_ID, 4, "reason")),
                Arguments.of("safeguarding concern", new RaiseSafeguardingConcern(PARTICIPANT_ID, CONCERN, yesterday,
                        "summary")),
                Arguments.of("discharge", new DischargeParticipant(PARTICIPANT_ID, DischargeReason.OTHER, yesterday)));
    }

    // ---------------------------------------------------------------- If-Match and identity

    @Test
    void aCommandOnTheExpectedVersionIsHandled() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), contact(TODAY), missed(TODAY))
                .when(new RecordContact(PARTICIPANT_ID, ContactChannel.PHONE, ContactDirection.INBOUND, TODAY),
                        Map.of("expectedVersion", 3L))
                .expectEvents(new ContactMade(PARTICIPANT_ID, ContactChannel.PHONE, ContactDirection.INBOUND, TODAY))
                .expectResultMessagePayload(new CommandAnswer(Map.of(), 4L));
    }

    @Test
    void aCommandOnAStaleVersionIsRefusedWithTheCurrentVersion() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), contact(TODAY), missed(TODAY))
                .when(new RecordContact(PARTICIPANT_ID, ContactChannel.PHONE, ContactDirection.INBOUND, TODAY),
                        Map.of("expectedVersion", 2L))
                .expectException(new CustomTypeSafeMatcher<StaleVersion>("a StaleVersion with current version 3") {
                    @Override
                    protected boolean matchesSafely(StaleVersion item) {
                        return item.currentVersion() == 3L;
                    }
                })
                .expectNoEvents();
    }

    @Test
    void aRetriedSessionOnAStaleVersionIsRefusedToo() {
        fixture.given(enrolled(), held(SESSION_1, FIRST_SESSION_ON), contact(TODAY))
                .when(session(SESSION_1, FIRST_SESSION_ON), Map.of("expectedVersion", 1L))
                .expectException(StaleVersion.class)
                .expectNoEvents();
    }

    private static Map<String, Object> linkWorker(String linkWorkerId) {
        return Map.of("actor", linkWorkerId + "-user", "role", "LINK_WORKER", "linkWorkerId", linkWorkerId);
    }

    private static RecordContact contactCommand() {
        return new RecordContact(PARTICIPANT_ID, ContactChannel.PHONE, ContactDirection.INBOUND, TODAY);
    }

    @Test
    void theAssignedLinkWorkerActsOnTheirParticipant() {
        fixture.given(enrolled())
                .when(contactCommand(), linkWorker(AMIRA))
                .expectEvents(new ContactMade(PARTICIPANT_ID, ContactChannel.PHONE, ContactDirection.INBOUND, TODAY));
    }

    /** The web layer answers 404, exactly as for an unknown participant. */
    @Test
    void anotherLinkWorkersParticipantIsAnsweredAsUnknown() {
        fixture.given(enrolled())
                .when(contactCommand(), linkWorker(BEN))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anotherLinkWorkerLearnsNothingOfTheVersionEither() {
        Map<String, Object> metaData = new HashMap<>(linkWorker(BEN));
        metaData.put("expectedVersion", 7L);
        fixture.given(enrolled())
                .when(contactCommand(), metaData)
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aLinkWorkerWithoutAnIdActsOnNobody() {
        fixture.given(enrolled())
                .when(contactCommand(), Map.of("actor", "someone", "role", "LINK_WORKER"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void afterAChangeOfLinkWorkerOnlyTheNewOneActs() {
        LinkWorkerChanged change = new LinkWorkerChanged(PARTICIPANT_ID, AMIRA, BEN, TODAY, PersonalData.of("leave"));
        fixture.given(enrolled(), change)
                .when(contactCommand(), linkWorker(AMIRA))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
        fixture.given(enrolled(), change)
                .when(contactCommand(), linkWorker(BEN))
                .expectEvents(new ContactMade(PARTICIPANT_ID, ContactChannel.PHONE, ContactDirection.INBOUND, TODAY));
    }

    @Test
    void aManagerActsOnAnyParticipant() {
        fixture.given(enrolled())
                .when(contactCommand(), Map.of("actor", "manager", "role", "MANAGER"))
                .expectEvents(new ContactMade(PARTICIPANT_ID, ContactChannel.PHONE, ContactDirection.INBOUND, TODAY));
    }

    /** The web layer answers this with 404 (CommandProblemsAdvice maps IncompatibleAggregateException). */
    @Test
    void aReferralsIdSentAsAParticipantsIsIncompatible() {
        fixture.given(new ReferralReceived(PARTICIPANT_ID, ReferralSource.GP, ReferralChannel.EMAIL, REFERRAL_RECEIVED_ON,
                        List.of(ReferralReason.ANXIETY), List.of(Need.ANXIETY), ConsentGivenBy.YOUNG_PERSON, 15, "LS6",
                        List.of(), PersonalData.of(new YoungPerson("Jo", "Bloggs", LocalDate.parse("2011-05-01"), null,
                                "LS6 3QW", null, null, null)), null, null))
                .when(new RecordContact(PARTICIPANT_ID, ContactChannel.TEXT, ContactDirection.OUTBOUND, TODAY))
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- helpers


    private static ParticipantEnrolled enrolled() {
        return new ParticipantEnrolled(PARTICIPANT_ID, REFERRAL_ID, AMIRA, ENROLLED_ON, REFERRAL_RECEIVED_ON,
                ReferralSource.SCHOOL);
    }

    private static RecordSession session(UUID sessionId, LocalDate heldOn) {
        return session(sessionId, heldOn, 40);
    }

    private static RecordSession session(UUID sessionId, LocalDate heldOn, int minutes) {
        return session(sessionId, heldOn, minutes, "talked about joining a football club");
    }

    /** A 40-minute home visit with a parent, 20 minutes' walk from home, using Motivational Interviewing. */
    private static RecordSession session(UUID sessionId, LocalDate heldOn, int minutes, String notes) {
        return new RecordSession(PARTICIPANT_ID, sessionId, heldOn, minutes, SessionLocation.HOME,
                AccompaniedBy.PARENT_CARER, 20, List.of(Technique.MOTIVATIONAL_INTERVIEWING), notes);
    }

    private static SessionHeld held(UUID sessionId, LocalDate heldOn) {
        return heldFrom(session(sessionId, heldOn), AMIRA, false);
    }

    private static SessionHeld heldFrom(RecordSession command, String linkWorkerId, boolean beyondEntitlement) {
        return new SessionHeld(PARTICIPANT_ID, command.sessionId(), command.heldOn(), command.durationMinutes(),
                command.location(), command.accompaniedBy(), command.walkMinutesFromHome(), command.techniques(),
                linkWorkerId, beyondEntitlement, PersonalData.ofNullable(command.notes()));
    }

    private static CommandAnswer sessionAnswer(UUID sessionId, boolean beyondEntitlement, long version) {
        return new CommandAnswer(Map.of("sessionId", sessionId, "beyondEntitlement", beyondEntitlement), version);
    }

    private static ContactMade contact(LocalDate on) {
        return new ContactMade(PARTICIPANT_ID, ContactChannel.TEXT, ContactDirection.OUTBOUND, on);
    }

    private static SessionMissed missed(LocalDate on) {
        return new SessionMissed(PARTICIPANT_ID, on, null);
    }

    private static RecordOutcomeMeasure measure(Instrument instrument, List<Integer> items) {
        return new RecordOutcomeMeasure(PARTICIPANT_ID, instrument, Timepoint.BASELINE, ENROLLED_ON, items);
    }

    private static OutcomeMeasured measured(Instrument instrument, List<Integer> items, BigDecimal score) {
        return new OutcomeMeasured(PARTICIPANT_ID, instrument, Timepoint.BASELINE, ENROLLED_ON, items, score);
    }

    /** The measure's answer body; a HashMap because an ONS4 score is null. */
    private static Map<String, Object> scoreBody(BigDecimal score) {
        Map<String, Object> body = new HashMap<>();
        body.put("score", score);
        return body;
    }

    private static SignpostToVcse signpost(UUID signpostId, LocalDate on) {
        return new SignpostToVcse(PARTICIPANT_ID, signpostId, "Leeds Rhinos Foundation", "Friday football",
                VcseCategory.PHYSICAL_ACTIVITY, on, true, TransportSupport.BUS_PASS);
    }

    private static SignpostedToVcse signposted(UUID signpostId, LocalDate on) {
        return new SignpostedToVcse(PARTICIPANT_ID, signpostId, "Leeds Rhinos Foundation", "Friday football",
                VcseCategory.PHYSICAL_ACTIVITY, on, true, TransportSupport.BUS_PASS);
    }

    private static LinkWorkerChanged linkWorkerChanged(String from, String to) {
        return new LinkWorkerChanged(PARTICIPANT_ID, from, to, LocalDate.parse("2026-07-01"), PersonalData.of("leave"));
    }

    private static SupportExtended extended(int weeks) {
        return new SupportExtended(PARTICIPANT_ID, weeks, LocalDate.parse("2026-08-20"), PersonalData.of("exams"));
    }

    private static SafeguardingConcernRaised raised(UUID concernId, LocalDate on) {
        return new SafeguardingConcernRaised(PARTICIPANT_ID, concernId, on, PersonalData.of("worry"));
    }

    private static CloseSafeguardingConcern close(UUID concernId, LocalDate on, String outcome) {
        return new CloseSafeguardingConcern(PARTICIPANT_ID, concernId, on, outcome);
    }

    private static SafeguardingConcernClosed closed(UUID concernId, LocalDate on, String outcome) {
        return new SafeguardingConcernClosed(PARTICIPANT_ID, concernId, on, PersonalData.of(outcome));
    }

    private static ParticipantDischarged discharged(LocalDate on) {
        return new ParticipantDischarged(PARTICIPANT_ID, DischargeReason.COMPLETED, on);
    }
}
