package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;

/** The whole service on one port, as `./signpost start` runs it. */
class AllInOneHttpTest extends AllInOneTest {

    @Test
    void commandsAndQueriesAnswerOnOnePort() {
        Api api = new Api(port);
        Response received = api.as("coordinator").post("/api/referrals", Requests.referral("Rose", "Tyler", 1));
        assertThat(received.status()).isEqualTo(201);

        Response history = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.as("coordinator").get("/api/referrals/" + received.text("referralId") + "/history"),
                response -> response.status() == 200);
        assertThat(history.json()).hasSize(1);
    }

    @Test
    void healthIsOpenAndEverythingElseNeedsAUser() {
        Api api = new Api(port);
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        Response anonymous = api.anonymous().get("/api/referrals/" + UUID.randomUUID() + "/history");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        // A path the role table does not list is refused to everyone, before anything looks it up.
        assertThat(api.as("coordinator").get("/api/no-such-path").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/no-such-path").status()).isEqualTo(401);
    }
}
