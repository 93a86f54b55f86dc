package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.events.Need;
import org.signpost.query.audit.AuditTrailReadModel;
import org.signpost.query.caseload.CaseloadReadModel;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;

/**
 * A replay that fails half-way, in the COPY of one projection's chunk by its writer
 * (the database refuses one referral's row in the rebuilt audit trail: an event trigger, which
 * this test adds and drops, puts a constraint on each table a rebuild creates). The whole
 * replay stops without hanging, every projection asked for says REPLAY_FAILED, the active
 * generations go on answering and stay current, nothing of the rebuilt ones is left, and once
 * the fault is gone the same replay completes.
 */
class ReplayFailureHttpTest extends QuerySideTest {

    @Test
    void aReplayThatFailsInOneProjectionsWriterLeavesEveryActiveGenerationAsItWas() {
        Scenario history = new Scenario();
        history.referral(7, 14, List.of(Need.ANXIETY), "Ada");
        UUID refused = history.referral(7, 15, List.of(Need.LONELINESS), "Bea");
        append(history.events());
        awaitProjections();
        Map<String, Integer> activeBefore = activeGenerations();
        superuser().execute("""
                CREATE FUNCTION replay_failure_test() RETURNS event_trigger LANGUAGE plpgsql AS $$
                DECLARE created record;
                BEGIN
                    FOR created IN SELECT object_identity FROM pg_event_trigger_ddl_commands()
                                   WHERE object_type = 'table' AND object_identity LIKE '%audit_event_g%' LOOP
                        EXECUTE 'ALTER TABLE ' || created.object_identity
                                || ' ADD CONSTRAINT replay_failure_test CHECK (aggregate_id <> ''REFUSED'')';
                    END LOOP;
                END $$""".replace("REFUSED", refused.toString()));
        superuser().execute("CREATE EVENT TRIGGER replay_failure_test ON ddl_command_end WHEN TAG IN ('CREATE TABLE') "
                + "EXECUTE FUNCTION replay_failure_test()");
        try {
            // One request for both, so that they share one scan (two HTTP requests might not).
            projections.replay(List.of(AuditTrailReadModel.NAME, CaseloadReadModel.NAME));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    states().get("audit-trail").equals("REPLAY_FAILED") && states().get("caseload").equals("REPLAY_FAILED"));
            for (JsonNode projection : api.as("manager").get("/api/projections").json()) {
                if (projection.path("status").asText().equals("REPLAY_FAILED")) {
                    assertThat(projection.path("replayFailure").asText()).as("why, said")
                            .startsWith("Rebuilding");
                    assertThat(projection.has("replay")).isFalse();
                }
            }
            assertThat(activeGenerations()).isEqualTo(activeBefore);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_class WHERE relname ~ '^(audit_event|participant_view|"
                    + "participant_name)_g[0-9]+$' AND NOT relispartition", Integer.class))
                    .as("no rebuilt table left behind").isZero();
            assertThat(api.as("auditor").get("/api/audit/events?aggregateId=" + refused).header("X-Total-Count"))
                    .as("the active audit trail still answers").isEqualTo("1");

            Scenario later = new Scenario();
            UUID afterwards = later.referral(7, 16, List.of(Need.ANXIETY), "Cat");
            append(later.events());
            awaitProjections();
            assertThat(api.as("auditor").get("/api/audit/events?aggregateId=" + afterwards).header("X-Total-Count"))
                    .as("and stays current").isEqualTo("1");
        } finally {
            superuser().execute("DROP EVENT TRIGGER IF EXISTS replay_failure_test");
            superuser().execute("DROP FUNCTION IF EXISTS replay_failure_test()");
        }

        projections.replay(List.of(AuditTrailReadModel.NAME, CaseloadReadModel.NAME));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                states().get("audit-trail").equals("RUNNING") && states().get("caseload").equals("RUNNING")
                        && projections.replaysIdle());
        assertThat(activeGenerations().get("audit-trail")).isGreaterThan(activeBefore.get("audit-trail"));
        assertThat(activeGenerations().get("caseload")).isGreaterThan(activeBefore.get("caseload"));
        assertThat(api.as("auditor").get("/api/audit/events?aggregateId=" + refused).header("X-Total-Count"))
                .isEqualTo("1");
    }

    private Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        for (JsonNode projection : api.as("analyst").get("/api/projections").json()) {
            states.put(projection.path("name").asText(), projection.path("status").asText());
        }
        return states;
    }

    private Map<String, Integer> activeGenerations() {
        Map<String, Integer> active = new LinkedHashMap<>();
        readModels.names().forEach(name -> active.put(name, generations.activeGeneration(name)));
        return active;
    }
}
