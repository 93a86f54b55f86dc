package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api.Response;

/** A referral carried from receipt to discharge through every command endpoint. */
class JourneyHttpTest extends CommandSideHttpTest {

    @Test
    void aReferralGoesFromReceiptToDischargeAndEveryStepIsAnEvent() {
        Response received = api.as("coordinator").header("X-Correlation-Id", "journey-42")
                .post("/api/referrals", referralForm());
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.header("ETag")).isEqualTo("\"0\"");
        assertThat(received.header("X-Correlation-Id")).isEqualTo("journey-42");
        String referralId = received.text("referralId");
        assertThat(received.header("Location")).isEqualTo("/api/referrals/" + referralId);

        Response triage = api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", day(58)));
        assertThat(triage.status()).as(triage.toString()).isEqualTo(200);
        assertThat(triage.text("outcome")).isEqualTo("ACCEPTED");
        assertThat(triage.json().get("failedCriteria")).isEmpty();
        assertThat(triage.header("ETag")).isEqualTo("\"1\"");

        Response assignment = api.as("manager").post("/api/referrals/" + referralId + "/assignment",
                Map.of("linkWorkerId", "lw-1", "assignedOn", day(57)));
        assertThat(assignment.status()).as(assignment.toString()).isEqualTo(200);
        assertThat(assignment.header("ETag")).isEqualTo("\"2\"");
        String participant = "/api/participants/" + assignment.text("participantId");

        Response first = api.as("linkworker").post(participant + "/sessions", sessionForm(50));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("beyondEntitlement").asBoolean()).isFalse();
        assertThat(first.text("sessionId")).isNotBlank();
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(api.as("linkworker").post(participant + "/sessions", sessionForm(43)).status()).isEqualTo(201);
        assertThat(api.as("linkworker").post(participant + "/missed-sessions",
                Map.of("plannedOn", day(36), "reason", "Unwell")).status()).isEqualTo(201);
        assertThat(api.as("linkworker").post(participant + "/contacts",
                Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(35))).status()).isEqualTo(201);

        Response baseline = api.as("linkworker").post(participant + "/measures", Map.of("instrument", "SWEMWBS",
                "timepoint", "BASELINE", "recordedOn", day(50), "itemScores", List.of(3, 3, 3, 3, 3, 3, 3)));
        assertThat(baseline.status()).as(baseline.toString()).isEqualTo(201);
        assertThat(baseline.json().get("score").decimalValue()).isEqualByComparingTo("19.25");
        Response ucla = api.as("linkworker").post(participant + "/measures", Map.of("instrument", "UCLA3",
                "timepoint", "BASELINE", "recordedOn", day(50), "itemScores", List.of(3, 2, 3)));
        assertThat(ucla.json().get("score").asInt()).isEqualTo(8);
        Response ons = api.as("linkworker").post(participant + "/measures", Map.of("instrument", "ONS4",
                "timepoint", "BASELINE", "recordedOn", day(50), "itemScores", List.of(4, 5, 6, 7)));
        assertThat(ons.status()).isEqualTo(201);
        assertThat(ons.json().get("score").isNull()).isTrue();

        Response signpost = api.as("linkworker").post(participant + "/signposts", Map.of("organisation",
                "Leeds Youth Football", "activity", "Saturday training", "category", "PHYSICAL_ACTIVITY",
                "signpostedOn", day(30), "fundedAccess", true, "transportSupport", "BUS_PASS"));
        assertThat(signpost.status()).as(signpost.toString()).isEqualTo(201);
        String signpostId = signpost.text("signpostId");
        Response uptake = api.as("linkworker").post(participant + "/signposts/" + signpostId + "/uptake",
                Map.of("attended", true, "recordedOn", day(20)));
        assertThat(uptake.status()).as(uptake.toString()).isEqualTo(200);

        assertThat(api.as("linkworker").post(participant + "/safeguarding-concerns",
                Map.of("raisedOn", day(19), "summary", "Mentioned bullying on the bus")).status()).isEqualTo(201);
        assertThat(api.as("coordinator").post(participant + "/link-worker",
                Map.of("linkWorkerId", "lw-2", "reason", "lw-1 on leave", "changedOn", day(18))).status())
                .isEqualTo(200);
        assertThat(api.as("manager").post(participant + "/extension",
                Map.of("weeks", 4, "reason", "Needs more time to settle into the club")).status()).isEqualTo(200);
        assertThat(api.as("manager").post(participant + "/measures", Map.of("instrument", "SWEMWBS",
                "timepoint", "EXIT", "recordedOn", day(2), "itemScores", List.of(4, 4, 4, 4, 4, 4, 4))).status())
                .isEqualTo(201);

        Response discharge = api.as("manager").post(participant + "/discharge",
                Map.of("reason", "COMPLETED", "dischargedOn", day(1)));
        assertThat(discharge.status()).as(discharge.toString()).isEqualTo(200);
        assertThat(discharge.header("ETag")).isEqualTo("\"14\"");

        Response afterDischarge = api.as("manager").post(participant + "/sessions", sessionForm(0));
        assertThat(afterDischarge.status()).isEqualTo(409);
        assertThat(afterDischarge.contentType()).isEqualTo("application/problem+json");

        String participantId = participant.substring(participant.lastIndexOf('/') + 1);
        assertThat(eventTypes(participantId)).containsExactly(
                "ParticipantEnrolled", "SessionHeld", "SessionHeld", "SessionMissed", "ContactMade",
                "OutcomeMeasured", "OutcomeMeasured", "OutcomeMeasured", "SignpostedToVcse", "UptakeRecorded",
                "SafeguardingConcernRaised", "LinkWorkerChanged", "SupportExtended", "OutcomeMeasured",
                "ParticipantDischarged");
        assertThat(eventTypes(referralId)).containsExactly("ReferralReceived", "Triaged", "LinkWorkerAssigned");

        Map<String, Object> receipt = jdbc.queryForMap("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'role' AS role,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' AS correlation
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""", referralId);
        assertThat(receipt).containsEntry("actor", "coordinator").containsEntry("role", "COORDINATOR")
                .containsEntry("correlation", "journey-42");
        List<String> sessionActors = jdbc.queryForList("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'role' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%SessionHeld' ORDER BY sequence_number""",
                String.class, participantId);
        assertThat(sessionActors).containsOnly("LINK_WORKER");
    }

    private List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("""
                SELECT substring(payload_type from '[^.]+$') FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, aggregateId);
    }
}
