package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.events.Need;
import org.signpost.events.TriageOutcome;
import org.signpost.platform.testing.Api.Response;
import org.signpost.query.testing.History;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;

/**
 * A poison event: the database refuses one event's audit row (a constraint that this test adds
 * and later drops stands for a fault fixed by an operator). The event goes to the audit trail's
 * dead-letter queue with nothing of it applied, later events of the same referral queue behind
 * it, every other event and the other projections go on, and once the fault is fixed a retry
 * applies the dead letters in order.
 */
class PoisonEventHttpTest extends QuerySideTest {

    @Test
    void aPoisonEventIsDeadLetteredAloneAndAppliedOnceItsCauseIsFixed() {
        Scenario before = new Scenario();
        UUID healthyBefore = before.referral(6, 14, List.of(Need.ANXIETY), "Ada");
        Scenario poison = new Scenario();
        UUID poisoned = poison.referral(6, 15, List.of(Need.LONELINESS), "Bea");
        Scenario after = new Scenario();
        UUID healthyAfter = after.referral(6, 16, List.of(Need.ANXIETY), "Cat");
        awaitProjections();
        jdbc.execute("ALTER TABLE audit_event ADD CONSTRAINT poison_test CHECK (aggregate_id <> '" + poisoned + "')");
        try {
            List<History> oneBatch = new ArrayList<>(before.events());
            oneBatch.addAll(poison.events());
            oneBatch.addAll(after.events());
            append(oneBatch);
            awaitProjectionsReachTheHead();

            assertThat(auditRows(healthyBefore)).isEqualTo(1);
            assertThat(auditRows(healthyAfter)).isEqualTo(1);
            assertThat(auditRows(poisoned)).as("nothing of the poison event is applied").isZero();
            assertThat(api.as("coordinator").get("/api/referrals/" + poisoned).status())
                    .as("the other projections applied it").isEqualTo(200);
            assertThat(deadLetters()).containsEntry("audit-trail", 1L).containsEntry("referrals", 0L)
                    .containsEntry("caseload", 0L).containsEntry("evaluation-metrics", 0L);

            int triagedAt = poison.events().size();
            poison.triage(poisoned, TriageOutcome.ACCEPTED, 5, 1);
            append(poison.events().subList(triagedAt, poison.events().size()));
            awaitProjectionsReachTheHead();
            assertThat(auditRows(poisoned)).as("a later event of the referral waits behind the poison one").isZero();
            assertThat(api.as("coordinator").get("/api/referrals/" + poisoned).json().path("status").asText())
                    .isNotEqualTo("AWAITING_TRIAGE");
            assertThat(deadLetters()).containsEntry("audit-trail", 1L);

            Response stillBroken = api.as("analyst").post("/api/projections/audit-trail/dead-letters/retry", Map.of());
            assertThat(stillBroken.status()).isEqualTo(200);
            assertThat(stillBroken.json().path("outcome").asText()).isEqualTo("STILL_FAILING");
            assertThat(stillBroken.json().path("deadLetters").asLong()).isEqualTo(1);
            assertThat(auditRows(poisoned)).isZero();
        } finally {
            jdbc.execute("ALTER TABLE audit_event DROP CONSTRAINT IF EXISTS poison_test");
        }

        Response retried = api.as("manager").post("/api/projections/audit-trail/dead-letters/retry",
                Map.of("reason", "Constraint poison_test dropped"));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(retried.json().path("applied").asInt()).isEqualTo(1);
        assertThat(retried.json().path("deadLetters").asLong()).isZero();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT a.sequence, a.position, e.global_index"
                + " FROM audit_event a JOIN domain_event_entry e ON e.event_identifier IS NOT NULL"
                + " AND e.aggregate_identifier = a.aggregate_id AND e.sequence_number = a.sequence"
                + " WHERE a.generation = " + ProjectionGenerations.active("audit-trail") + " AND a.aggregate_id = ?"
                + " ORDER BY a.sequence", poisoned.toString());
        assertThat(rows).extracting(row -> ((Number) row.get("sequence")).longValue()).containsExactly(0L, 1L);
        assertThat(rows).allSatisfy(row -> assertThat(((Number) row.get("position")).longValue())
                .isEqualTo(((Number) row.get("global_index")).longValue()));
        assertThat(deadLetters()).containsEntry("audit-trail", 0L);

        assertThat(api.as("analyst").post("/api/projections/no-such/dead-letters/retry", Map.of()).status())
                .isEqualTo(404);
        assertThat(api.as("coordinator").post("/api/projections/audit-trail/dead-letters/retry", Map.of()).status())
                .isEqualTo(403);
    }

    private long auditRows(UUID aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE generation = "
                + ProjectionGenerations.active("audit-trail") + " AND aggregate_id = ?", Long.class, aggregate.toString());
    }

    private Map<String, Long> deadLetters() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode projection : api.as("analyst").get("/api/projections").json()) {
            counts.put(projection.path("name").asText(), projection.path("deadLetters").asLong());
        }
        return counts;
    }

    /** Every processor has moved past every stored event (the poisoned one included: it is dead-lettered). */
    private void awaitProjectionsReachTheHead() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            long head = projections.head();
            return readModels.names().stream().allMatch(name -> projections.position(name) >= head);
        });
    }
}
