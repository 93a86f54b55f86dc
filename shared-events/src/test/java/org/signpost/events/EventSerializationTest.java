package org.signpost.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event of the catalogue survives its stored form unchanged. */
class EventSerializationTest {

    private static final UUID REFERRAL = UUID.fromString("6f1c8a36-3f4b-4c43-9a57-2bd1a1e3c0a1");
    private static final UUID PARTICIPANT = UUID.fromString("0b7e2d0a-9d3e-4c36-8a0f-51f6a3e2b7c4");
    private static final UUID SIGNPOST = UUID.fromString("c8f0d8a4-2c1b-4a5e-9d6f-7e8a9b0c1d2e");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private final Serializer serializer = EventSerialization.serializer();

    static Stream<SignpostEvent> oneOfEach() {
        YoungPerson amy = new YoungPerson("Amy", "Pond", LocalDate.of(2010, 6, 1), "485 777 3456", "LS6 3QW",
                "Leadworth High", "07700 900123", new YoungPerson.ParentCarer("Tabetha Pond", "07700 900456", "mother"));
        return Stream.of(
                new ReferralReceived(REFERRAL, ReferralSource.SCHOOL, ReferralChannel.EMAIL, DAY,
                        List.of(ReferralReason.ANXIETY, ReferralReason.LONELINESS), List.of(Need.ANXIETY),
                        ConsentGivenBy.PARENT_CARER, 14, "LS6", List.of(), PersonalData.of(amy),
                        PersonalData.of(new Referrer("Rory", "Leadworth High", "Head of year", "r@example.org", null)),
                        PersonalData.of("Struggling since the move")),
                new Triaged(REFERRAL, TriageOutcome.ACCEPTED, DAY, List.of(InclusionCriterion.AGE_11_TO_18), null,
                        PersonalData.of("Good fit"), PersonalData.of("Turns 11 next week")),
                new LinkWorkerAssigned(REFERRAL, PARTICIPANT, "lw-1", DAY),
                new ReferralWithdrawn(REFERRAL, DAY, PersonalData.of("Family moved away")),
                new ParticipantEnrolled(PARTICIPANT, REFERRAL, "lw-1", DAY, DAY.minusDays(3), ReferralSource.GP),
                new SessionHeld(PARTICIPANT, UUID.randomUUID(), DAY, 40, SessionLocation.COMMUNITY_VENUE,
                        AccompaniedBy.PARENT_CARER, 25, List.of(Technique.COM_B), "lw-1", false, null),
                new SessionMissed(PARTICIPANT, DAY, null),
                new ContactMade(PARTICIPANT, ContactChannel.TEXT, ContactDirection.OUTBOUND, DAY),
                new OutcomeMeasured(PARTICIPANT, Instrument.SWEMWBS, Timepoint.BASELINE, DAY,
                        List.of(3, 3, 3, 3, 3, 3, 3), new BigDecimal("19.25")),
                new SignpostedToVcse(PARTICIPANT, SIGNPOST, "Scouts", "Camping", VcseCategory.SOCIAL, DAY, true,
                        TransportSupport.BUS_PASS),
                new UptakeRecorded(PARTICIPANT, SIGNPOST, true, DAY),
                new LinkWorkerChanged(PARTICIPANT, "lw-1", "lw-2", DAY, PersonalData.of("Leave")),
                new SupportExtended(PARTICIPANT, 4, DAY, PersonalData.of("Settling in")),
                new SafeguardingConcernRaised(PARTICIPANT, UUID.randomUUID(), DAY, PersonalData.of("Bullying")),
                new SafeguardingConcernClosed(PARTICIPANT, UUID.randomUUID(), DAY, PersonalData.of("Resolved with school")),
                new ParticipantDischarged(PARTICIPANT, DischargeReason.COMPLETED, DAY),
                new PersonalDataErased(REFERRAL, PARTICIPANT, DAY, "DPO case 2025-017"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEach")
    void anEventReadsBackEqualToWhatWasWritten(SignpostEvent event) {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        Object read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(event);
        assertThat(serializer.serialize(read, byte[].class).getData()).isEqualTo(stored.getData());
    }

    @Test
    void theSamplesCoverTheWholeCatalogue() {
        Set<Class<?>> sampled = oneOfEach().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(concreteEvents(SignpostEvent.class));
    }

    @Test
    void personalDataIsMarkedInTheStoredFormAndNeverPrintedByToString() {
        ReferralReceived received = (ReferralReceived) oneOfEach().findFirst().orElseThrow();
        String json = new String(serializer.serialize(received, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"youngPerson\":{\"value\":{");
        assertThat(json).contains("\"ageOnReceipt\":14").contains("\"postcodeDistrict\":\"LS6\"");
        assertThat(received.toString()).doesNotContain("Amy", "Pond", "LS6 3QW", "07700", "Struggling");
    }

    /** A concern's outcome is free text about the young person: marked as personal data, as its summary is. */
    @Test
    void aClosedConcernsOutcomeIsMarkedAsPersonalData() {
        SafeguardingConcernClosed closed = new SafeguardingConcernClosed(PARTICIPANT, UUID.randomUUID(), DAY,
                PersonalData.of("Referred to children's services"));
        String json = new String(serializer.serialize(closed, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"outcome\":{\"value\":\"Referred to children's services\"}")
                .contains("\"closedOn\":\"2025-03-14\"");
        assertThat(closed.toString()).doesNotContain("Referred");
    }

    private static List<Class<?>> concreteEvents(Class<?> type) {
        List<Class<?>> found = new ArrayList<>();
        if (type.isRecord()) {
            found.add(type);
        } else if (type.getPermittedSubclasses() != null) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                found.addAll(concreteEvents(sub));
            }
        }
        return found;
    }

    /** Erasures stored before a reason was asked for have none, and still read. */
    @Test
    void anErasureStoredWithoutAReasonReadsWithNone() {
        String stored = "{\"erasedOn\":\"2025-03-14\",\"participantId\":\"" + PARTICIPANT + "\",\"referralId\":\""
                + REFERRAL + "\"}";
        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(StandardCharsets.UTF_8),
                byte[].class, PersonalDataErased.class.getName(), null));
        assertThat(read).isEqualTo(new PersonalDataErased(REFERRAL, PARTICIPANT, DAY, null));
    }

    /** A reader per type, made once and shared, rather than one per event read. */
    @Test
    void theReaderOfEachTypeIsMadeOnce() {
        StoredEventSerializer serializer = (StoredEventSerializer) EventSerialization.serializer();
        assertThat(serializer.getReader(ReferralWithdrawn.class))
                .isSameAs(serializer.getReader(ReferralWithdrawn.class))
                .isNotSameAs(serializer.getReader(Triaged.class));
    }
}
