package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.platform.testing.Api.Response;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A replay or a retry of dead letters starts only from a JSON body ({@code {}} or a reason), so
 * that no plain HTML form can start one; who asked and why is logged, on one line.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProjectionRequestsHttpTest extends QuerySideTest {

    private static final List<String> PATHS = List.of("/api/projections/referrals/replay",
            "/api/projections/audit-trail/dead-letters/retry");

    @Test
    void aRequestWithoutAJsonBodyStartsNothing(CapturedOutput output) {
        for (String path : PATHS) {
            for (String contentType : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data")) {
                Response form = api.as("analyst").postRaw(path, contentType, "reason=now".getBytes(StandardCharsets.UTF_8));
                assertThat(form.status()).as(path + " " + contentType).isEqualTo(415);
                assertThat(form.contentType()).startsWith("application/problem+json");
            }
            Response none = api.as("analyst").send("POST", path, null);
            assertThat(none.status()).as(path + " without a body").isEqualTo(415);
            assertThat(none.contentType()).startsWith("application/problem+json");

            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("{\"why\":\"because\"}", "why");
            bad.put("{\"reason\":\"two\\nlines\"}", "reason");
            bad.put("{\"reason\":\"" + "r".repeat(501) + "\"}", "reason");
            bad.put("{\"reason\":7}", "reason");
            bad.forEach((body, field) -> {
                Response refused = api.as("analyst").post(path, body);
                assertThat(refused.status()).as(path + " " + body).isEqualTo(400);
                assertThat(refused.json().path("errors").get(0).path("field").asText()).as(body).isEqualTo(field);
            });
        }
        assertThat(projections.replaying("referrals")).isFalse();
        assertThat(output.getAll()).doesNotContain("asked for a replay").doesNotContain("asked for a retry");
    }

    @Test
    void whoAskedAndWhyIsLogged(CapturedOutput output) {
        Response replay = api.as("analyst").post("/api/projections/referrals/replay",
                Map.of("reason", "Rebuild after the upgrade to 2.4"));
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        awaitProjections();
        assertThat(api.as("manager").post("/api/projections/audit-trail/dead-letters/retry", Map.of()).status())
                .isEqualTo(200);

        assertThat(output.getAll())
                .contains("analyst (ANALYST) asked for a replay of referrals: Rebuild after the upgrade to 2.4")
                .contains("manager (MANAGER) asked for a retry of the dead letters of audit-trail: no reason given");
    }
}
