package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.api.SessionOver;
import org.signpost.console.api.SignpostApi;
import org.signpost.platform.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The console keeps a person's session token fresh while they work: a token close to its expiry
 * is renewed before it is used, and a token the service no longer renews ends the console session.
 */
class ConsoleTokenRenewalHttpTest extends AllInOneTest {

    @Autowired
    ObjectMapper json;
    @Autowired
    Environment environment;

    private SignpostApi console() {
        return new SignpostApi(json, environment, "http://127.0.0.1:" + port, "", "");
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeItIsUsed() {
        SignpostApi api = console();
        ConsoleUser signedIn = api.signIn("linkworker", Api.PASSWORD);
        assertThat(signedIn.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(25)));
        // A token of the same user, as the console would hold it four minutes before its end.
        String token = api().as("linkworker").post("/api/session-tokens", Map.of()).text("token");
        ConsoleUser expiring = new ConsoleUser("linkworker", "LINK_WORKER", "lw-1", token,
                Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(api.get(expiring, "/api/caseloads/lw-1").status()).isEqualTo(200);
        assertThat(expiring.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(25)));
    }

    @Test
    void aTokenTheServiceNoLongerRenewsEndsTheSession() {
        ConsoleUser forged = new ConsoleUser("linkworker", "LINK_WORKER", "lw-1", "not.a.token",
                Instant.now().plus(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> console().get(forged, "/api/caseloads/lw-1")).isInstanceOf(SessionOver.class);
        ConsoleUser stillValidLooking = new ConsoleUser("linkworker", "LINK_WORKER", "lw-1", "not.a.token",
                Instant.now().plus(Duration.ofMinutes(20)));
        assertThatThrownBy(() -> console().get(stillValidLooking, "/api/caseloads/lw-1"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(401));
    }
}
