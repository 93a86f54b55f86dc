package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Password guessing over HTTP Basic is slowed, then answered 429 with Retry-After before any
 * password is checked; failures are logged without the password and counted for operators.
 * The test limits (TestDatabase): a name locks after 3 failures, an address after 8, for 2 s.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleHttpTest extends AllInOneTest {

    private static final String WRONG = "not-the-password-" + UUID.randomUUID();

    private static void assertTooMany(Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:signpost:problem:too-many-failed-sign-ins");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 2L);
    }

    @Test
    void wrongPasswordsForOneNameAreSlowedThenLockItWhileOtherNamesSignIn(CapturedOutput output) throws Exception {
        Api api = api();
        int failures = 0;
        int refusals = 0;
        for (int attempt = 0; failures < 3 && attempt < 50; attempt++) {
            Response answer = api.as("forgetful", WRONG).get("/api/erasures");
            if (answer.status() == 401) {
                failures++;
            } else {
                assertTooMany(answer);
                refusals++;
                Thread.sleep(100);
            }
        }
        assertThat(failures).isEqualTo(3);
        assertThat(refusals).as("attempts refused while the name waited after a failure").isPositive();

        assertTooMany(api.as("forgetful").get("/api/erasures"));
        assertThat(api.as("auditor").get("/api/erasures").status()).as("another name from the same address")
                .isEqualTo(200);
        assertThat(output.getAll())
                .contains("Failed sign-in as forgetful from 127.0.0.1: wrong password")
                .contains("Sign-ins as forgetful are refused for PT2S after 3 failures in a row")
                .doesNotContain(WRONG);
    }

    @Test
    void failuresFromOneAddressLockItWhateverTheNamesAndAreLoggedAndCounted(CapturedOutput output) {
        Api api = api();
        Response answer = null;
        for (int attempt = 0; attempt < 20 && (answer == null || answer.status() != 429); attempt++) {
            String name = attempt == 0 ? "intruder\r\nINFO forged line" : "intruder-" + attempt;
            answer = api.as(name, WRONG).get("/api/projections");
        }
        assertTooMany(answer);
        assertTooMany(api.as("analyst").get("/api/projections"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.as("analyst").get("/api/projections").status() == 200);
        Response metrics = api.as("analyst").header("Accept", "text/plain").get("/actuator/prometheus");
        assertThat(metrics.body())
                .containsPattern("(?m)^signpost_signin_failures_total\\{.*reason=\"unknown_user\".*\\} [1-9]")
                .containsPattern("(?m)^signpost_signin_throttled_total\\{.*limit=\"address\".*\\} [1-9]");
        assertThat(output.getAll())
                .contains("Failed sign-in as intruder??INFO forged line from 127.0.0.1: no such user")
                .contains("Sign-ins from 127.0.0.1 are refused for PT2S after 8 failures")
                .doesNotContainPattern("(?m)^INFO forged line")
                .doesNotContain(WRONG);
    }
}
