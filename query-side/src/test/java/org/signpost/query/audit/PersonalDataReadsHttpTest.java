package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api.Response;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;

/** Every read of a young person's personal data is logged, and only auditors read the log. */
class PersonalDataReadsHttpTest extends QuerySideTest {

    private UUID participant;
    private UUID referral;

    @BeforeEach
    void aParticipantOfLinkWorkerOne() {
        Scenario scenario = new Scenario();
        participant = scenario.participant(30, "lw-1", "Readme");
        referral = scenario.events().get(0).aggregateId();
        append(scenario.events());
        awaitProjections();
    }

    private JsonNode readsOf(UUID subject) {
        return api.as("auditor").get("/api/audit/personal-data-reads?subjectId=" + subject).json();
    }

    private static List<String> texts(JsonNode rows, String field) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.path(field).asText()));
        return values;
    }

    @Test
    void eachReadOfAPersonIsLoggedWithWhoWhichEndpointAndWhen() {
        assertThat(api.as("coordinator").header("X-Correlation-Id", "read-check-1")
                .get("/api/participants/" + participant).status()).isEqualTo(200);
        assertThat(api.as("manager").get("/api/participants/" + participant + "/history").status()).isEqualTo(200);
        assertThat(api.as("linkworker").get("/api/caseloads/lw-1").status()).isEqualTo(200);
        assertThat(api.as("auditor").get("/api/referrals/" + referral).status()).isEqualTo(200);
        assertThat(api.as("auditor").get("/api/referrals/" + referral + "/history").status()).isEqualTo(200);
        assertThat(api.as("auditor").get("/api/audit/events?aggregateId=" + participant).status()).isEqualTo(200);

        JsonNode participantReads = readsOf(participant);
        assertThat(texts(participantReads, "endpoint")).containsExactly("GET /api/participants/{participantId}",
                "GET /api/participants/{participantId}/history", "GET /api/caseloads/{linkWorkerId}",
                "GET /api/audit/events");
        assertThat(texts(participantReads, "actor")).containsExactly("coordinator", "manager", "linkworker", "auditor");
        assertThat(texts(participantReads, "role")).containsExactly("COORDINATOR", "MANAGER", "LINK_WORKER", "AUDITOR");
        assertThat(participantReads.get(0).path("correlationId").asText()).isEqualTo("read-check-1");
        assertThat(participantReads.get(0).path("subjectType").asText()).isEqualTo("PARTICIPANT");
        assertThat(participantReads.get(0).path("readAt").asText()).endsWith("Z");

        JsonNode referralReads = readsOf(referral);
        assertThat(texts(referralReads, "endpoint")).containsExactly("GET /api/referrals/{referralId}",
                "GET /api/referrals/{referralId}/history");
        assertThat(texts(referralReads, "subjectType")).containsOnly("REFERRAL");
    }

    @Test
    void refusedAndFailedReadsAndReadsWithoutPersonalDataLogNothing() {
        assertThat(api.as("linkworker2").get("/api/participants/" + participant).status()).isEqualTo(404);
        assertThat(api.as("analyst").get("/api/participants/" + participant).status()).isEqualTo(403);
        assertThat(api.as("coordinator").get("/api/triage-queue").status()).isEqualTo(200);
        assertThat(api.as("analyst").get("/api/metrics/evaluation?from=2020-01-01&to=2030-12-31").status()).isEqualTo(200);
        assertThat(readsOf(participant)).isEmpty();
        assertThat(readsOf(referral)).isEmpty();
    }

    @Test
    void onlyAuditorsReadTheLogPagedAndNobodyChangesIt() {
        for (int i = 0; i < 3; i++) {
            api.as("coordinator").get("/api/participants/" + participant);
        }
        Response first = api.as("auditor").get("/api/audit/personal-data-reads?subjectId=" + participant + "&size=2");
        assertThat(first.json()).hasSize(2);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("Link")).contains("page=1").contains("rel=\"next\"");
        assertThat(api.as("auditor").get("/api/audit/personal-data-reads?actor=coordinator&from=2000-01-01").json())
                .isNotEmpty();
        assertThat(api.as("auditor").get("/api/audit/personal-data-reads?to=2000-01-01").json()).isEmpty();
        Response bad = api.as("auditor").get("/api/audit/personal-data-reads?from=soon");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("from");
        for (String role : List.of("coordinator", "manager", "analyst", "dpo", "linkworker")) {
            assertThat(api.as(role).get("/api/audit/personal-data-reads").status()).as(role).isEqualTo(403);
        }
        assertThatThrownBy(() -> jdbc.update("DELETE FROM personal_data_read WHERE subject_id = ?",
                participant.toString())).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE personal_data_read SET actor = 'someone-else'"))
                .hasMessageContaining("append-only");
    }
}
