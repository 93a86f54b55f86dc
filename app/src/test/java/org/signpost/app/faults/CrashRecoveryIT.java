package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * A load of commands against the packaged service in its own process, killed with SIGKILL in the
 * middle and started again on the same data: every command answered 2xx is in the event store
 * exactly once (one cut off in flight may be there or not, never twice and never in part), and
 * after the restart every read model converges to what a full replay gives.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 1_500;

    /** A command the service answered 2xx, and how to find what it stored. */
    private record Acknowledged(String kind, String aggregateId, String id) {
    }

    @Test
    void acknowledgedCommandsSurviveAKillExactlyOnceAndReadModelsConverge() throws Exception {
        Path data = Path.of("target", "it-postgres", UUID.randomUUID().toString()).toAbsolutePath();
        try (ServiceProcess service = new ServiceProcess(data)) {
            service.start();
            ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger count = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> load(service.api(), acknowledged, count, stop));
            }
            await().atMost(Duration.ofMinutes(5)).until(() -> count.get() >= ACKNOWLEDGED_BEFORE_KILL);
            service.kill();
            stop.set(true);
            clients.shutdown();
            clients.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);

            service.start();
            String url = jdbcUrl(data);
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                for (Acknowledged command : acknowledged) {
                    assertThat(stored(db, command)).as(command.toString()).isEqualTo(1);
                }
                assertThat(count(db, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%LinkWorkerAssigned'"))
                        .as("an assignment is stored whole: with its enrolment")
                        .isEqualTo(count(db, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ParticipantEnrolled'"));
            }
            Api api = service.api();
            awaitProjections(api);
            Map<String, JsonNode> before = readModels(api);
            for (String projection : List.of("referrals", "caseload", "audit-trail", "evaluation-metrics")) {
                assertThat(api.as("analyst").post("/api/projections/" + projection + "/replay", Map.of()).status())
                        .isEqualTo(202);
            }
            awaitProjections(api);
            Map<String, JsonNode> after = readModels(api);
            for (String model : before.keySet()) {
                if (!after.get(model).equals(before.get(model))) {
                    java.nio.file.Files.writeString(data.resolveSibling("before-" + model + ".json"), before.get(model).toPrettyString());
                    java.nio.file.Files.writeString(data.resolveSibling("after-" + model + ".json"), after.get(model).toPrettyString());
                }
                assertThat(after.get(model)).as(model + " after a replay (both written beside " + data + ")")
                        .isEqualTo(before.get(model));
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        }
    }

    /** One client: referrals received, triaged, assigned, then sessions, with ids of its own, until stopped. */
    private static void load(Api api, ConcurrentLinkedQueue<Acknowledged> acknowledged, AtomicInteger count,
                             AtomicBoolean stop) {
        LocalDate today = LocalDate.now();
        while (!stop.get()) {
            try {
                String referralId = UUID.randomUUID().toString();
                Map<String, Object> referral = new LinkedHashMap<>();
                referral.put("referralId", referralId);
                referral.put("source", "GP");
                referral.put("channel", "EMAIL");
                referral.put("receivedOn", today.minusDays(20).toString());
                referral.put("youngPerson", Map.of("firstName", "Load", "lastName", "Test",
                        "dateOfBirth", today.minusYears(14).toString()));
                referral.put("reasons", List.of("ANXIETY"));
                referral.put("needs", List.of("ANXIETY"));
                referral.put("consentGivenBy", "YOUNG_PERSON");
                if (!ok(api.as("coordinator").post("/api/referrals", referral), acknowledged, count,
                        new Acknowledged("ReferralReceived", referralId, null))) {
                    continue;
                }
                if (!ok(api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                                Map.of("outcome", "ACCEPTED", "triagedOn", today.minusDays(19).toString())),
                        acknowledged, count, new Acknowledged("Triaged", referralId, null))) {
                    continue;
                }
                Response assigned = api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                        Map.of("linkWorkerId", "lw-" + (1 + Math.abs(referralId.hashCode()) % 5),
                                "assignedOn", today.minusDays(18).toString()));
                if (!ok(assigned, acknowledged, count, new Acknowledged("LinkWorkerAssigned", referralId, null))) {
                    continue;
                }
                String participantId = assigned.text("participantId");
                for (int s = 0; s < 3 && !stop.get(); s++) {
                    String sessionId = UUID.randomUUID().toString();
                    Map<String, Object> session = new LinkedHashMap<>();
                    session.put("sessionId", sessionId);
                    session.put("heldOn", today.minusDays(10 - s).toString());
                    session.put("durationMinutes", 40);
                    session.put("location", "SCHOOL");
                    session.put("accompaniedBy", "NONE");
                    ok(api.as("manager").post("/api/participants/" + participantId + "/sessions", session),
                            acknowledged, count, new Acknowledged("SessionHeld", participantId, sessionId));
                }
            } catch (RuntimeException e) {
                // The service went away mid-request: that command's fate is unknown, which is allowed.
                if (stop.get()) {
                    return;
                }
            }
        }
    }

    private static boolean ok(Response response, ConcurrentLinkedQueue<Acknowledged> acknowledged, AtomicInteger count,
                              Acknowledged command) {
        if (response.status() / 100 == 2) {
            acknowledged.add(command);
            count.incrementAndGet();
            return true;
        }
        return false;
    }

    private static long stored(Connection db, Acknowledged command) throws Exception {
        String sql = command.id() == null
                ? "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?"
                : "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ? "
                        + "AND convert_from(payload, 'UTF8')::jsonb ->> 'sessionId' = ?";
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, command.aggregateId());
            statement.setString(2, "%." + command.kind());
            if (command.id() != null) {
                statement.setString(3, command.id());
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The embedded server's address, from the file it writes in its data directory. */
    private static String jdbcUrl(Path data) throws Exception {
        List<String> pid = java.nio.file.Files.readAllLines(data.resolve("postmaster.pid"));
        return "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
    }

    /** What every read model answers: metrics, caseloads, triage queue, the audit search's size. */
    private static Map<String, JsonNode> readModels(Api api) {
        Map<String, JsonNode> all = new HashMap<>();
        ObjectNode evaluation = (ObjectNode) api.as("analyst")
                .get("/api/metrics/evaluation?from=2000-01-01&to=" + LocalDate.now().plusDays(1)).json();
        evaluation.remove("asOf");
        all.put("evaluation", evaluation);
        all.put("caseloads", api.as("manager").get("/api/caseloads").json());
        for (int lw = 1; lw <= 5; lw++) {
            all.put("caseload lw-" + lw, api.as("manager").get("/api/caseloads/lw-" + lw).json());
        }
        all.put("triage queue", api.as("coordinator").get("/api/triage-queue").json());
        all.put("audit size", com.fasterxml.jackson.databind.node.TextNode.valueOf(
                api.as("auditor").get("/api/audit/events?size=1").header("X-Total-Count")));
        return all;
    }

    private static void awaitProjections(Api api) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (JsonNode projection : api.as("analyst").get("/api/projections").json()) {
                if (projection.path("position").asLong() < projection.path("headPosition").asLong()
                        || !projection.path("status").asText().equals("RUNNING")) {
                    return false;
                }
            }
            return true;
        });
    }
}
