package org.signpost.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    void anAnswerShowingSeveralPeopleIsOneReadWithALinePerPerson() {
        // A link worker of this test alone: the read models are shared by the test classes.
        String linkWorker = "lw-" + UUID.randomUUID();
        Scenario more = new Scenario();
        UUID first = more.participant(30, linkWorker, "First");
        UUID second = more.participant(20, linkWorker, "Second");
        UUID third = more.participant(10, linkWorker, "Third");
        append(more.events());
        awaitProjections();
        // The log is append-only and shared too: this test's lines are the ones from now on.
        String since = "&from=" + Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(api.as("manager").header("X-Correlation-Id", "caseload-1").get("/api/caseloads/" + linkWorker)
                .json()).hasSize(3);

        JsonNode lines = api.as("auditor").get("/api/audit/personal-data-reads?actor=manager" + since).json();
        assertThat(texts(lines, "subjectId")).containsExactly(first.toString(), second.toString(),
                third.toString());
        assertThat(texts(lines, "id")).containsOnly(lines.get(0).path("id").asText());
        assertThat(texts(lines, "correlationId")).containsOnly("caseload-1");
        assertThat(readsOf(third)).hasSize(1);
        assertThat(readsOf(third).get(0).path("endpoint").asText()).isEqualTo("GET /api/caseloads/{linkWorkerId}");

        Response secondPage = api.as("auditor").get("/api/audit/personal-data-reads?actor=manager&page=1&size=2" + since);
        assertThat(secondPage.header("X-Total-Count")).isEqualTo("3");
        assertThat(texts(secondPage.json(), "subjectId")).containsExactly(third.toString());
        assertThat(jdbc.queryForObject("SELECT cardinality(subject_ids) FROM personal_data_read WHERE id = ?",
                Integer.class, lines.get(0).path("id").asLong())).isEqualTo(3);
    }

    @Test
    void anAnswerWhoseReadCannotBeLoggedIsNotGiven() {
        // The log refuses the reads of requests with this correlation id, as a full disk or a lost
        // database would refuse them all.
        superuser().execute("""
                CREATE FUNCTION test_refuse_read() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.correlation_id = 'read-log-refused' THEN RAISE EXCEPTION 'read log refused'; END IF;
                    RETURN NEW;
                END $$""");
        superuser().execute("CREATE TRIGGER test_refuse_read BEFORE INSERT ON personal_data_read "
                + "FOR EACH ROW EXECUTE FUNCTION test_refuse_read()");
        try {
            for (String path : List.of("/api/caseloads/lw-1", "/api/participants/" + participant)) {
                Response refused = api.as("manager").header("X-Correlation-Id", "read-log-refused").get(path);

                assertThat(refused.status()).as(path).isEqualTo(500);
                assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
                assertThat(refused.body()).as(path).doesNotContain("Readme").doesNotContain("referralId");
            }
            assertThat(api.as("manager").get("/api/caseloads/lw-1").body()).contains("Readme");
        } finally {
            superuser().execute("DROP TRIGGER test_refuse_read ON personal_data_read");
            superuser().execute("DROP FUNCTION test_refuse_read()");
        }
        assertThat(texts(readsOf(participant), "correlationId")).doesNotContain("read-log-refused");
    }

    @Test
    void aHeadShowsNobodysDataAndLogsNoRead() {
        String p = "/api/participants/" + participant;
        String r = "/api/referrals/" + referral;
        for (String path : List.of(p, p + "/history", r, r + "/history", "/api/caseloads/lw-1")) {
            Response head = api.as("manager").head(path);
            assertThat(head.status()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
        }
        Response search = api.as("auditor").head("/api/audit/events?aggregateId=" + participant);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.header("X-Total-Count")).isNotNull();
        assertThat(readsOf(participant)).isEmpty();
        assertThat(readsOf(referral)).isEmpty();

        assertThat(api.as("manager").get(p).status()).isEqualTo(200);
        assertThat(texts(readsOf(participant), "endpoint")).as("while a GET is logged")
                .containsExactly("GET /api/participants/{participantId}");
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
        // The service's role may not change the log, and its triggers refuse even a superuser.
        for (var database : List.of(jdbc, superuser())) {
            assertThatThrownBy(() -> database.update("DELETE FROM personal_data_read WHERE ? = ANY (subject_ids)",
                    participant.toString())).rootCause().hasMessageMatching("(?s).*(permission denied|append-only).*");
            assertThatThrownBy(() -> database.update("UPDATE personal_data_read SET actor = 'someone-else'"))
                    .rootCause().hasMessageMatching("(?s).*(permission denied|append-only).*");
        }
        assertThatThrownBy(() -> superuser().update("UPDATE personal_data_read SET actor = 'someone-else'"))
                .hasMessageContaining("append-only");
    }
}
