package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * Session and signpost ids are the clients', unique within a participant only: a link worker
 * who records a session and a signpost under the ids another link worker used for another young
 * person gets 201, both young people count in every figure, and a replay of the metrics
 * completes with the same figures.
 */
class ClientIdsHttpTest extends AllInOneTest {

    /** Days no other test records anything on: the figures of this month are this test's alone. */
    private static final String PERIOD = "from=2003-03-01&to=2003-03-31";

    @Test
    void twoYoungPeopleWithTheSameSessionAndSignpostIdsBothCountAndAReplayCompletes() {
        Api api = api();
        UUID sessionId = UUID.randomUUID();
        UUID signpostId = UUID.randomUUID();
        String first = enrolled(api, "lw-1");
        String second = enrolled(api, "lw-2");
        for (Map.Entry<String, String> linkWorker : Map.of("linkworker", first, "linkworker2", second).entrySet()) {
            String participant = "/api/participants/" + linkWorker.getValue();
            Response session = api.as(linkWorker.getKey()).post(participant + "/sessions", Map.of(
                    "sessionId", sessionId, "heldOn", "2003-03-10", "durationMinutes", 40, "location", "SCHOOL",
                    "accompaniedBy", "NONE", "walkMinutesFromHome", 35));
            assertThat(session.status()).as(session.body()).isEqualTo(201);
            assertThat(session.text("sessionId")).isEqualTo(sessionId.toString());
            Response signpost = api.as(linkWorker.getKey()).post(participant + "/signposts", Map.of(
                    "signpostId", signpostId, "organisation", "Leeds Youth Football", "activity", "Saturday league",
                    "category", "PHYSICAL_ACTIVITY", "signpostedOn", "2003-03-10"));
            assertThat(signpost.status()).as(signpost.body()).isEqualTo(201);
        }
        assertThat(api.as("linkworker2").post("/api/participants/" + second + "/signposts/" + signpostId + "/uptake",
                Map.of("attended", true, "recordedOn", "2003-03-20")).status()).isEqualTo(200);
        awaitProjections(api);

        JsonNode figures = evaluation(api);
        assertThat(figures.path("peopleSeen").asInt()).isEqualTo(2);
        assertThat(figures.path("referredToVcse").asInt()).isEqualTo(2);
        assertThat(figures.path("walkingDistance").path("sessions").asInt()).isEqualTo(2);
        assertThat(figures.path("vcseUptake").toString()).isEqualTo("{\"signposted\":2,\"attended\":1,\"rate\":0.5}");

        Response replay = api.as("analyst").post("/api/projections/evaluation-metrics/replay", Map.of());
        assertThat(replay.status()).isEqualTo(202);
        String status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(api), s -> !s.equals("REPLAYING"));
        assertThat(status).isEqualTo("RUNNING");
        awaitProjections(api);
        assertThat(evaluation(api)).isEqualTo(figures);
    }

    private static String status(Api api) {
        for (JsonNode projection : api.as("analyst").get("/api/projections").json()) {
            if (projection.path("name").asText().equals("evaluation-metrics")) {
                return projection.path("status").asText();
            }
        }
        throw new AssertionError("No projection evaluation-metrics");
    }

    /** Every figure of the month, without the instant it was computed at. */
    private static JsonNode evaluation(Api api) {
        ObjectNode figures = (ObjectNode) api.as("analyst").get("/api/metrics/evaluation?" + PERIOD).json();
        figures.remove("asOf");
        return figures;
    }

    private static String enrolled(Api api, String linkWorkerId) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("source", "SCHOOL");
        form.put("channel", "EMAIL");
        form.put("receivedOn", "2003-03-03");
        form.put("youngPerson", Map.of("firstName", "Same", "lastName", "Ids", "dateOfBirth", "1988-01-01"));
        form.put("reasons", List.of("ANXIETY"));
        form.put("needs", List.of("ANXIETY"));
        form.put("consentGivenBy", "YOUNG_PERSON");
        Response received = api.as("coordinator").post("/api/referrals", form);
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String referral = "/api/referrals/" + received.text("referralId");
        assertThat(api.as("coordinator").post(referral + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", "2003-03-04")).status()).isEqualTo(200);
        Response assigned = api.as("coordinator").post(referral + "/assignment",
                Map.of("linkWorkerId", linkWorkerId, "assignedOn", "2003-03-05"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return assigned.text("participantId");
    }
}
