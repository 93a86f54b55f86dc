package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;
import org.signpost.platform.testing.SecurityHeaders;

/**
 * A page of another site cannot make a signed-in browser change anything: a plain HTML form (no
 * preflight, the browser's cached Basic credentials sent along) that posts an erasure, a replay
 * or a retry is refused before it is authenticated, and nothing happens; so is any other
 * state-changing method. The service's own pages, and clients that are not browsers, go on.
 */
class CrossSiteRequestHttpTest extends AllInOneTest {

    private static final String EVIL = "https://evil.example";

    private Api api;
    private String participantId;

    @BeforeEach
    void aParticipant() {
        api = api();
        Response received = api.as("coordinator").post("/api/referrals",
                Requests.referral("Crosby", "Sitewell", 20));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String referralId = received.text("referralId");
        assertThat(api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", LocalDate.now().minusDays(19).toString())).status())
                .isEqualTo(200);
        Response assigned = api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                Map.of("linkWorkerId", "lw-1"));
        assertThat(assigned.status()).isEqualTo(200);
        participantId = assigned.text("participantId");
    }

    private String erasure() {
        return "/api/participants/" + participantId + "/erasure";
    }

    private Map<String, Object> erasureBody() {
        return Map.of("reason", "Upheld request DPO-7", "confirm", participantId);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void aFormOnAnotherSiteCannotEraseAChildsData() {
        long events = events();
        byte[] form = ("reason=x&confirm=" + participantId).getBytes(StandardCharsets.UTF_8);
        // A current browser, and an older one that sends only Origin.
        List<Response> refused = List.of(
                api.as("dpo").header("Sec-Fetch-Site", "cross-site").header("Origin", EVIL)
                        .postRaw(erasure(), "application/x-www-form-urlencoded", form),
                api.as("dpo").header("Origin", EVIL).postRaw(erasure(), "application/x-www-form-urlencoded", form),
                // Even with the body it needs: where a request comes from is checked first.
                api.as("dpo").header("Sec-Fetch-Site", "cross-site").header("Origin", EVIL)
                        .post(erasure(), erasureBody()),
                api.as("dpo").header("Origin", EVIL).post(erasure(), erasureBody()));
        for (Response answer : refused) {
            assertCrossSiteRefusal(answer);
        }
        assertThat(events()).as("nothing stored").isEqualTo(events);
        awaitProjections(api);
        assertThat(api.as("coordinator").get("/api/participants/" + participantId).json().path("name").asText())
                .isEqualTo("Crosby Sitewell");
    }

    @Test
    void everyStateChangingMethodFromElsewhereIsRefusedBeforeAuthentication() {
        long events = events();
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (Map.Entry<String, String> from : Map.of("Sec-Fetch-Site", "cross-site", "Origin", EVIL).entrySet()) {
                assertCrossSiteRefusal(api.as("dpo").header(from.getKey(), from.getValue())
                        .send(method, erasure(), erasureBody()));
                assertCrossSiteRefusal(api.anonymous().header(from.getKey(), from.getValue())
                        .send(method, erasure(), erasureBody()));
                // Credentials are not even checked: no failed sign-in for another site to cause.
                assertCrossSiteRefusal(api.as("nobody-of-this-name").header(from.getKey(), from.getValue())
                        .send(method, erasure(), erasureBody()));
            }
        }
        // A sibling site, a sandboxed page or a local file: not this service's own pages either.
        assertCrossSiteRefusal(api.as("dpo").header("Sec-Fetch-Site", "same-site")
                .header("Origin", "https://other.example.org").post(erasure(), erasureBody()));
        assertCrossSiteRefusal(api.as("dpo").header("Origin", "null").post(erasure(), erasureBody()));
        assertCrossSiteRefusal(api.as("dpo").header("Origin", "http://127.0.0.1:" + (port + 1))
                .post(erasure(), erasureBody()));
        // A replay and a retry of dead letters alike.
        for (String path : List.of("/api/projections/referrals/replay", "/api/projections/audit-trail/dead-letters/retry")) {
            assertCrossSiteRefusal(api.as("analyst").header("Sec-Fetch-Site", "cross-site").header("Origin", EVIL)
                    .post(path, Map.of()));
        }
        assertThat(events()).isEqualTo(events);
        assertThat(api.as("analyst").get("/api/projections").body()).as("no replay started").doesNotContain("REPLAYING");
    }

    @Test
    void theServicesOwnPagesAndClientsThatAreNotBrowsersGoOn() {
        String own = "http://127.0.0.1:" + port;
        String contacts = "/api/participants/" + participantId + "/contacts";
        Map<String, Object> contact = Map.of("channel", "TEXT", "direction", "OUTBOUND",
                "contactedOn", LocalDate.now().toString());
        List<Api.Call> allowed = List.of(
                api.as("linkworker"),
                api.as("linkworker").header("Sec-Fetch-Site", "same-origin").header("Origin", own),
                api.as("linkworker").header("Sec-Fetch-Site", "none"),
                api.as("linkworker").header("Origin", own),
                api.as("linkworker").header("Origin", "HTTP://127.0.0.1:" + port),
                // The public address a proxy in front would give it (signpost.allowed-origins).
                api.as("linkworker").header("Origin", PUBLIC_ORIGIN),
                api.as("linkworker").header("Origin", PUBLIC_ORIGIN + ":443"));
        for (Api.Call call : allowed) {
            Response answer = call.post(contacts, contact);
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        // Reads change nothing: a link from elsewhere still opens.
        assertThat(api.as("coordinator").header("Sec-Fetch-Site", "cross-site").header("Origin", EVIL)
                .get("/api/triage-queue").status()).isEqualTo(200);
        assertThat(api.as("dpo").header("Sec-Fetch-Site", "same-origin").header("Origin", own)
                .post(erasure(), erasureBody()).status()).isEqualTo(200);
    }

    private static void assertCrossSiteRefusal(Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:signpost:problem:cross-site-request");
        assertThat(answer.text("title")).isEqualTo("Cross-site request refused");
        SecurityHeaders.assertPresent(answer);
    }
}
