package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * Client-supplied ids make retries safe (same id and body: the first answer again, nothing
 * stored; same id, other body: 409), and If-Match guards against lost updates (412).
 */
class RetriesAndVersionsHttpTest extends CommandSideHttpTest {

    @Test
    void aReferralSentTwiceWithItsIdIsStoredOnce() {
        String id = randomId();
        Map<String, Object> form = with(referralForm(), "referralId", id);
        Response first = api.as("coordinator").post("/api/referrals", form);
        assertThat(first.status()).isEqualTo(201);
        long after = eventCount();

        Response again = api.as("coordinator").post("/api/referrals", form);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void aReferralIdReusedForAnotherFormIsAConflict() {
        String id = randomId();
        api.as("coordinator").post("/api/referrals", with(referralForm(), "referralId", id));
        long after = eventCount();

        Response other = api.as("coordinator").post("/api/referrals",
                with(with(referralForm(), "referralId", id), "source", "GP"));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).isEqualTo("application/problem+json");
        assertThat(other.json().path("errors").findValuesAsText("field")).containsExactly("referralId");
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void aSessionRetriedWithItsIdIsAnsweredAsTheFirstTimeEvenAfterLaterEvents() {
        String participant = "/api/participants/" + enrolledParticipant();
        String sessionId = randomId();
        Map<String, Object> session = with(sessionForm(10), "sessionId", sessionId);
        Response first = api.as("linkworker").post(participant + "/sessions", session);
        assertThat(first.status()).isEqualTo(201);
        api.as("linkworker").post(participant + "/contacts",
                Map.of("channel", "PHONE", "direction", "INBOUND", "contactedOn", day(9)));
        long after = eventCount();

        Response again = api.as("linkworker").post(participant + "/sessions", session);
        Response changed = api.as("linkworker").post(participant + "/sessions", with(session, "durationMinutes", 41));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(changed.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void aSignpostRetriedWithItsIdIsStoredOnce() {
        String participant = "/api/participants/" + enrolledParticipant();
        Map<String, Object> signpost = Map.of("signpostId", randomId(), "organisation", "Youth Theatre",
                "activity", "Drama club", "category", "SOCIAL", "signpostedOn", day(3));
        Response first = api.as("linkworker").post(participant + "/signposts", signpost);
        long after = eventCount();

        Response again = api.as("linkworker").post(participant + "/signposts", signpost);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(eventCount()).isEqualTo(after);
        assertThat(api.as("linkworker").post(participant + "/signposts", with(signpost, "activity", "Choir")).status())
                .isEqualTo(409);
    }

    @Test
    void ifMatchWithTheCurrentVersionIsAcceptedAndAStaleOneRefused() {
        String participantId = enrolledParticipant();
        String participant = "/api/participants/" + participantId;
        Response first = api.as("linkworker").header("If-Match", "\"0\"")
                .post(participant + "/contacts", Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(1)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        long after = eventCount();

        Response stale = api.as("linkworker").header("If-Match", "\"0\"")
                .post(participant + "/contacts", Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(1)));
        Response future = api.as("linkworker").header("If-Match", "\"7\"")
                .post(participant + "/contacts", Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(1)));
        Response garbage = api.as("linkworker").header("If-Match", "yesterday")
                .post(participant + "/contacts", Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(1)));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).isEqualTo("application/problem+json");
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(future.status()).isEqualTo(412);
        assertThat(garbage.status()).isEqualTo(412);
        assertThat(garbage.json().path("detail").asText())
                .isEqualTo("If-Match names no version of this record but the current version is 1");
        assertThat(eventCount()).isEqualTo(after);

        Response current = api.as("linkworker").header("If-Match", "W/\"1\"")
                .post(participant + "/contacts", Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(1)));
        assertThat(current.status()).isEqualTo(201);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void aStaleIfMatchOnAReferralIsRefused() {
        String referralId = receiveReferral();
        Response stale = api.as("coordinator").header("If-Match", "\"3\"").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "DECLINED", "triagedOn", day(1)));
        assertThat(stale.status()).isEqualTo(412);
        Response current = api.as("coordinator").header("If-Match", "\"0\"").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "DECLINED", "triagedOn", day(1)));
        assertThat(current.status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedAndNothingIsStored() {
        long before = eventCount();
        Response response = api.as("coordinator").postRaw("/api/referrals", "text/plain",
                "source=GP".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyBeyondTheLimitIsNotReadToTheEnd() {
        long before = eventCount();
        byte[] huge = Api.write(with(referralForm(), "notes", "x".repeat(300_000))).getBytes(StandardCharsets.UTF_8);
        Response response = api.as("coordinator").postChunked("/api/referrals", huge);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        // Cut off while reading (the whole body), not refused field by field after reading it all.
        assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly("body");
        assertThat(eventCount()).isEqualTo(before);
        byte[] small = Api.write(referralForm()).getBytes(StandardCharsets.UTF_8);
        assertThat(api.as("coordinator").postChunked("/api/referrals", small).status()).isEqualTo(201);
    }

    @Test
    void aClientCorrelationIdIsEchoedAndAnInsaneOneReplaced() {
        Response sane = api.as("coordinator").header("X-Correlation-Id", "abc-123").post("/api/referrals", referralForm());
        Response insane = api.as("coordinator").header("X-Correlation-Id", "<script>").post("/api/referrals", referralForm());
        assertThat(sane.header("X-Correlation-Id")).isEqualTo("abc-123");
        assertThat(insane.header("X-Correlation-Id")).isNotEqualTo("<script>").matches("[0-9a-f-]{36}");
    }
}
