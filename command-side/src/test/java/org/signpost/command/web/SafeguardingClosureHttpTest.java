package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api.Response;

/**
 * Closing a safeguarding concern over HTTP: 200 with the new version, the acting user in the
 * event's metadata and the outcome sealed; every refusal as problem+json naming the field to
 * blame, and nothing stored by any of them.
 */
class SafeguardingClosureHttpTest extends CommandSideHttpTest {

    @Test
    void aLinkWorkerClosesTheirParticipantsConcernWithIfMatchAndTheEventRecordsWhoDidIt() {
        String participantId = enrolledParticipant();
        String concern = raise(participantId, 10);
        String version = api.as("linkworker").post("/api/participants/" + participantId + "/contacts",
                Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(9))).header("ETag");

        Response closed = api.as("linkworker").header("If-Match", version).header("X-Correlation-Id", "closure-7")
                .post(concern + "/closure", Map.of("closedOn", day(2), "outcome", "Seen by the school's lead; safe"));

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.header("ETag")).isEqualTo("\"3\"");
        Map<String, Object> stored = jdbc.queryForMap("""
                SELECT payload_type, convert_from(payload, 'UTF8') AS payload,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'role' AS role,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' AS correlation
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3""", participantId);
        assertThat(stored).containsEntry("payload_type", "org.signpost.events.SafeguardingConcernClosed")
                .containsEntry("actor", "linkworker").containsEntry("role", "LINK_WORKER")
                .containsEntry("correlation", "closure-7");
        assertThat((String) stored.get("payload")).as("the outcome is sealed").contains("\"closedOn\":\"" + day(2) + "\"")
                .doesNotContain("Seen by the school");
    }

    @Test
    void theSameClosureAgainIsAnsweredAsTheFirstTimeAndAnotherIsAConflictNamingTheConcern() {
        String concern = raise(enrolledParticipant(), 10);
        Map<String, Object> closure = Map.of("closedOn", day(2), "outcome", "Resolved");
        Response first = api.as("linkworker").post(concern + "/closure", closure);
        long after = eventCount();

        Response again = api.as("linkworker").post(concern + "/closure", closure);
        Response second = api.as("manager").post(concern + "/closure", Map.of("closedOn", day(1), "outcome", "Again"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).isEqualTo("application/problem+json");
        assertThat(second.json().path("errors").findValuesAsText("field")).containsExactly("concernId");
        assertThat(second.text("detail")).contains("already closed on " + day(2));
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void eachRefusalNamesItsFieldAndStoresNothing() {
        String participantId = enrolledParticipant();
        String participant = "/api/participants/" + participantId;
        String concern = raise(participantId, 10);
        long before = eventCount();

        assertRefused(api.as("linkworker").post(concern + "/closure", Map.of("closedOn", day(11), "outcome", "x")),
                409, "closedOn");
        assertRefused(api.as("linkworker").post(concern + "/closure", Map.of("closedOn", day(-1), "outcome", "x")),
                400, "closedOn");
        assertRefused(api.as("linkworker").post(concern + "/closure", Map.of("outcome", "x")), 400, "closedOn");
        assertRefused(api.as("linkworker").post(concern + "/closure", Map.of("closedOn", day(1), "outcome", " ")),
                400, "outcome");
        assertRefused(api.as("linkworker").post(concern + "/closure", Map.of("closedOn", "2025-02-30", "outcome", "x")),
                400, "closedOn");
        Response unknown = api.as("linkworker").post(participant + "/safeguarding-concerns/" + randomId() + "/closure",
                Map.of("closedOn", day(1), "outcome", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(unknown.text("detail")).contains("No safeguarding concern");
        Response stale = api.as("linkworker").header("If-Match", "\"0\"").post(concern + "/closure",
                Map.of("closedOn", day(1), "outcome", "x"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(eventCount()).as("nothing stored by a refusal").isEqualTo(before);
    }

    @Test
    void anotherLinkWorkersParticipantIsNotFoundAndACoordinatorIsForbidden() {
        String concern = raise(enrolledParticipant(), 10);
        long before = eventCount();
        Map<String, Object> closure = Map.of("closedOn", day(1), "outcome", "x");

        Response other = api.as("linkworker2").post(concern + "/closure", closure);
        Response coordinator = api.as("coordinator").post(concern + "/closure", closure);

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).isEqualTo("application/problem+json");
        assertThat(coordinator.status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.as("manager").post(concern + "/closure", closure).status()).as("a manager may").isEqualTo(200);
    }

    @Test
    void aDischargedParticipantsConcernIsNotClosed() {
        String participantId = enrolledParticipant();
        String concern = raise(participantId, 10);
        assertThat(api.as("linkworker").post("/api/participants/" + participantId + "/discharge",
                Map.of("reason", "ESCALATED", "dischargedOn", day(5))).status()).isEqualTo(200);
        long before = eventCount();

        Response refused = api.as("linkworker").post(concern + "/closure", Map.of("closedOn", day(1), "outcome", "x"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("was discharged on " + day(5));
        assertThat(eventCount()).isEqualTo(before);
    }

    /** A concern raised {@code daysAgo}: its address, from the answer's Location. */
    private String raise(String participantId, int daysAgo) {
        Response raised = api.as("linkworker").post("/api/participants/" + participantId + "/safeguarding-concerns",
                Map.of("raisedOn", day(daysAgo), "summary", "Worried about home"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        assertThat(raised.header("Location")).endsWith("/safeguarding-concerns/" + raised.text("concernId"));
        return raised.header("Location");
    }

    private static void assertRefused(Response answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsText("field")).as(answer.toString()).containsExactly(field);
    }
}
