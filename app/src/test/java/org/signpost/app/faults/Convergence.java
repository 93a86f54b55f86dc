package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.signpost.app.faults.CommandLoad.Acknowledged;
import org.signpost.platform.testing.Api;

/** What must hold after a fault: the event store holds every acknowledged command once, read models equal a replay. */
final class Convergence {

    static final List<String> PROJECTIONS = List.of("referrals", "caseload", "audit-trail", "evaluation-metrics");

    private Convergence() {
    }

    /** Every command answered 2xx is in the event store exactly once; an assignment is stored whole. */
    static void assertStoredExactlyOnce(Database database, Collection<Acknowledged> acknowledged) throws Exception {
        try (Connection db = database.superuser()) {
            for (Acknowledged command : acknowledged) {
                assertThat(stored(db, command)).as(command.toString()).isEqualTo(1);
            }
            assertThat(count(db, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%LinkWorkerAssigned'"))
                    .as("an assignment is stored whole: with its enrolment")
                    .isEqualTo(count(db, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ParticipantEnrolled'"));
            assertThat(count(db, "SELECT count(*) FROM (SELECT aggregate_identifier FROM domain_event_entry"
                    + " GROUP BY aggregate_identifier HAVING max(sequence_number) + 1 <> count(*)) holes"))
                    .as("aggregates whose sequence numbers have holes").isZero();
        }
    }

    /**
     * Waits for every projection to reach the head, then replays them all: what each read model
     * answers after the replay equals what it answered before. Differences are written to files.
     */
    static void assertReadModelsEqualAReplay(Api api, Path dumps) throws Exception {
        awaitProjections(api);
        for (JsonNode projection : api.as("analyst").get("/api/projections").json()) {
            assertThat(projection.path("deadLetters").asLong()).as(projection.path("name") + "'s dead letters").isZero();
        }
        Map<String, JsonNode> before = readModels(api);
        for (String projection : PROJECTIONS) {
            assertThat(api.as("analyst").post("/api/projections/" + projection + "/replay", Map.of()).status())
                    .isEqualTo(202);
        }
        awaitProjections(api);
        Map<String, JsonNode> after = readModels(api);
        for (String model : before.keySet()) {
            if (!after.get(model).equals(before.get(model))) {
                Files.createDirectories(dumps);
                Files.writeString(dumps.resolve("before-" + model + ".json"), before.get(model).toPrettyString());
                Files.writeString(dumps.resolve("after-" + model + ".json"), after.get(model).toPrettyString());
            }
            assertThat(after.get(model)).as(model + " after a replay (both written to " + dumps + ")")
                    .isEqualTo(before.get(model));
        }
    }

    static void awaitProjections(Api api) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            for (JsonNode projection : api.as("analyst").get("/api/projections").json()) {
                if (projection.path("position").asLong() < projection.path("headPosition").asLong()
                        || !projection.path("status").asText().equals("RUNNING")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** What every read model answers: metrics, caseloads, triage queue, the audit search's size. */
    static Map<String, JsonNode> readModels(Api api) {
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
        all.put("audit size", TextNode.valueOf(api.as("auditor").get("/api/audit/events?size=1").header("X-Total-Count")));
        return all;
    }

    static long count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
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
}
