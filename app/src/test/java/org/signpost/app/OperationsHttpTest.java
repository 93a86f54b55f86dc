package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;

/**
 * What operators use: liveness and readiness probes, Prometheus metrics (Axon's among them),
 * and the OpenAPI document with Swagger UI, generated from the code.
 */
class OperationsHttpTest extends AllInOneTest {

    @Autowired
    HealthEndpoint health;

    @Test
    void livenessAndReadinessAreOpenAndReadinessCoversTheDatabaseEventStoreAndProjections() {
        Api api = api();
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        Response readiness = api.anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        // Details are never shown over HTTP; the members are asked of the health endpoint itself.
        assertThat(readiness.json().has("components")).isFalse();
        CompositeHealth group = (CompositeHealth) health.healthForPath("readiness");
        assertThat(group.getComponents()).containsOnlyKeys("readinessState", "db", "eventStore", "projections")
                .allSatisfy((name, component) -> assertThat(component.getStatus().getCode()).as(name).isEqualTo("UP"));
        assertThat(((CompositeHealth) health.healthForPath("liveness"))
                .getComponents()).containsOnlyKeys("livenessState");
    }

    @Test
    void prometheusMetricsIncludeAxonsAndNeedAnAnalystOrManager() {
        Api api = api();
        Response received = api.as("coordinator").post("/api/referrals", Requests.referral("Martha", "Jones", 1));
        assertThat(received.status()).isEqualTo(201);
        awaitProjections(api);

        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.as("coordinator").get("/actuator/prometheus").status()).isEqualTo(403);
        Response metrics = api.as("analyst").header("Accept", "text/plain").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .as("Axon's command bus and event processors")
                .containsPattern("(?m)^commandBus\\w*\\{")
                .containsPattern("(?m)^eventProcessor\\w*\\{.*processorName=\"referrals\"")
                .containsPattern("(?m)^http_server_requests_seconds_count\\{")
                .doesNotContain("Martha").doesNotContain("Jones");
        assertThat(metrics.body())
                .as("Axon's timers, counters and latency, but not its capacity monitor (see MessageMetrics)")
                .containsPattern("(?m)^eventProcessor_allTimer_seconds_count\\{.*processorName=\"caseload\"")
                .containsPattern("(?m)^eventProcessor_successCounter_total\\{.*payloadType=\"ReferralReceived\"")
                .containsPattern("(?m)^eventProcessor_latency\\w*\\{.*processorName=\"audit-trail\"")
                .containsPattern("(?m)^commandBus_allTimer_seconds_count\\{.*payloadType=\"ReceiveNewReferral\"")
                .doesNotContainPattern("(?m)^(eventProcessor|commandBus)_capacity");
    }

    @Test
    void theOpenApiDocumentDescribesEveryPathAndSwaggerUiIsServedToUsers() {
        Api api = api();
        assertThat(api.anonymous().get("/v3/api-docs").status()).isEqualTo(401);
        Response document = api.as("analyst").get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.json().path("paths");
        for (String path : List.of("/api/referrals", "/api/referrals/{referralId}/triage",
                "/api/participants/{participantId}/sessions", "/api/participants/{participantId}/erasure",
                "/api/triage-queue", "/api/caseloads/{linkWorkerId}", "/api/audit/events", "/api/audit/integrity",
                "/api/metrics/evaluation", "/api/metrics/referral-rate", "/api/projections",
                "/api/projections/{name}/replay", "/api/projections/{name}/dead-letters/retry")) {
            assertThat(paths.has(path)).as(path + " in " + paths.properties().stream().map(Map.Entry::getKey).toList())
                    .isTrue();
        }

        Response ui = api.as("analyst").get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(api.as("analyst").get("/api/projections").header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }
}
