package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.ContactMade;
import org.signpost.platform.testing.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ids a client can choose cannot be used against someone else's record: a participant's id is
 * drawn at random when its referral is assigned, so it cannot be taken in advance, and a referral
 * sent with an id that some record already has is a conflict that stores nothing.
 */
class AggregateIdsHttpTest extends CommandSideHttpTest {

    @Autowired
    EventStore eventStore;

    @Test
    void aReferralMadeWithTheIdTheOldRuleWouldGiveTheParticipantDoesNotBlockTheEnrolment() {
        String victim = receiveReferral();
        accept(victim);
        UUID squatted = UUID.nameUUIDFromBytes(("participant-of-referral:" + victim).getBytes(StandardCharsets.UTF_8));
        Response squatter = api.as("coordinator").post("/api/referrals", with(referralForm(), "referralId", squatted));
        assertThat(squatter.status()).as(squatter.toString()).isEqualTo(201);

        Response assignment = assign(victim, "lw-1");

        assertThat(assignment.status()).as(assignment.toString()).isEqualTo(200);
        String participantId = assignment.text("participantId");
        assertThat(participantId).isNotEqualTo(squatted.toString());
        Response session = api.as("linkworker").post("/api/participants/" + participantId + "/sessions", sessionForm(50));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
    }

    @Test
    void aParticipantsIdIsRandomAndARetriedAssignmentAnswersTheSameOne() {
        String referralId = receiveReferral();
        accept(referralId);

        Response first = assign(referralId, "lw-1");
        long after = eventCount();
        Response again = assign(referralId, "lw-1");

        UUID participantId = UUID.fromString(first.text("participantId"));
        assertThat(participantId.version()).isEqualTo(4);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("participantId")).isEqualTo(participantId.toString());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(eventCount()).isEqualTo(after);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%ParticipantEnrolled'", Long.class, participantId.toString())).isEqualTo(1L);
    }

    @Test
    void aReferralSentWithAParticipantsIdIsAConflictAndStoresNothing() {
        String participantId = enrolledParticipant();
        long before = eventCount();

        Response squatter = api.as("coordinator").post("/api/referrals", with(referralForm(), "referralId", participantId));

        assertThat(squatter.status()).as(squatter.toString()).isEqualTo(409);
        assertThat(squatter.contentType()).isEqualTo("application/problem+json");
        assertThat(squatter.json().path("errors").findValuesAsText("field")).containsExactly("referralId");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aReferralSentWithAnotherReferralsIdIsAConflictAndStoresNothing() {
        String referralId = receiveReferral();
        accept(referralId);
        long before = eventCount();

        Response squatter = api.as("coordinator").post("/api/referrals",
                with(with(referralForm(), "referralId", referralId), "notes", "Someone else"));

        assertThat(squatter.status()).as(squatter.toString()).isEqualTo(409);
        assertThat(squatter.contentType()).isEqualTo("application/problem+json");
        assertThat(squatter.json().path("errors").findValuesAsText("field")).containsExactly("referralId");
        assertThat(eventCount()).isEqualTo(before);
    }

    /** Another command-side process wrote the participant's next event: this one's cached copy is stale. */
    @Test
    void aCommandOnAStaleCopyOfAnAggregateIsTriedAgainOnTheStoredEvents() {
        String participantId = enrolledParticipant();
        Map<String, Object> contact = Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(2));
        assertThat(api.as("linkworker").post("/api/participants/" + participantId + "/contacts", contact).status())
                .isEqualTo(201);
        eventStore.publish(new GenericDomainEventMessage<>("Participant", participantId, 2,
                new ContactMade(UUID.fromString(participantId), ContactChannel.PHONE, ContactDirection.INBOUND,
                        TODAY.minusDays(1)), MetaData.with("actor", "elsewhere").and("role", "LINK_WORKER")));

        Response response = api.as("linkworker").post("/api/participants/" + participantId + "/contacts", contact);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("ETag")).isEqualTo("\"3\"");
        assertThat(jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", Long.class, participantId)).containsExactly(0L, 1L, 2L, 3L);
    }

    private void accept(String referralId) {
        Response triage = api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", day(58)));
        assertThat(triage.status()).as(triage.toString()).isEqualTo(200);
    }

    private Response assign(String referralId, String linkWorkerId) {
        return api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                Map.of("linkWorkerId", linkWorkerId, "assignedOn", day(57)));
    }
}
