package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.projection.ProjectionAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * An upheld erasure request, end to end on the whole service: afterwards no answer, table or
 * log line holds the young person's name, date of birth, contact details or notes; every
 * evaluation metric is as before; a replay of every read model still works and changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasureHttpTest extends AllInOneTest {

    @Autowired
    ProjectionAdmin projections;

    private static final LocalDate TODAY = LocalDate.now();
    /** What a data protection officer writes: their own case reference, nothing of the young person. */
    private static final String REASON = "Erasure request DPO-2026-041 upheld";
    private static final String DATE_OF_BIRTH = TODAY.minusYears(14).minusDays(123).toString();
    /** The erased person's personal values, each one no other data of the test holds. */
    private static final List<String> PERSONAL = List.of("Zephyrine", "Quillfeather", DATE_OF_BIRTH, "07700 900987",
            "ZE1 9XQ", "Biscuit-7731", "Ottoline Brackenridge", "ottoline@example.org", "Hesper", "943 476 5919",
            "Session note 5521", "Concern summary 8812", "Thornbury Academy");

    @Test
    void anErasureLeavesNoPersonalValueAnywhereAndEveryMetricAsItWas(CapturedOutput output) {
        Api api = new Api(port);
        String participantId = enrolled(api, referral("Zephyrine", "Quillfeather", DATE_OF_BIRTH, "07700 900987",
                "ZE1 9XQ", "Biscuit-7731"));
        String participant = "/api/participants/" + participantId;
        assertThat(api.as("linkworker").post(participant + "/sessions", session("Session note 5521")).status())
                .isEqualTo(201);
        assertThat(api.as("linkworker").post(participant + "/safeguarding-concerns",
                Map.of("raisedOn", TODAY.minusDays(2).toString(), "summary", "Concern summary 8812")).status())
                .isEqualTo(201);
        String otherId = enrolled(api, referral("Keepme", "Around", TODAY.minusYears(13).toString(), "07700 900111",
                "LS1 1AA", "Other notes"));
        awaitProjections(api);

        JsonNode shown = api.as("coordinator").get(participant).json();
        assertThat(shown.path("name").asText()).isEqualTo("Zephyrine Quillfeather");
        String referralId = shown.path("referralId").asText();
        assertThat(api.as("coordinator").get("/api/referrals/" + referralId).body()).contains("ZE1 9XQ", "Biscuit-7731");
        List<String> everywhereBefore = foundInDatabase(PERSONAL);
        assertThat(everywhereBefore).as("personal values are never stored in clear, even before erasure").isEmpty();
        assertThat(foundInDatabase(List.of("ZE1", "ELECTRONIC_FORM"))).as("the scan finds what is stored in clear")
                .isNotEmpty();
        JsonNode metricsBefore = evaluation(api);

        assertThat(api.as("coordinator").post(participant + "/erasure", erasure(participantId)).status())
                .isEqualTo(403);
        Response erased = api.as("dpo").post(participant + "/erasure", erasure(participantId));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("referralId").asText()).isEqualTo(referralId);
        long events = count("domain_event_entry");
        Response again = api.as("dpo").post("/api/referrals/" + referralId + "/erasure", erasure(referralId));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(erased.json());
        assertThat(count("domain_event_entry")).as("a repeated erasure records nothing").isEqualTo(events);
        String unknown = UUID.randomUUID().toString();
        assertThat(api.as("dpo").post("/api/participants/" + unknown + "/erasure", erasure(unknown)).status())
                .isEqualTo(404);
        awaitProjections(api);
        // The log is shared by the test classes of this context: hers is the one line of her referral.
        List<JsonNode> log = new ArrayList<>();
        api.as("dpo").get("/api/erasures").json().forEach(line -> {
            if (line.path("referralId").asText().equals(referralId)) {
                log.add(line);
            }
        });
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("participantId").asText()).isEqualTo(participantId);
        assertThat(log.get(0).path("actor").asText()).isEqualTo("dpo");
        assertThat(log.get(0).path("reason").asText()).isEqualTo(REASON);
        // The business date in Europe/London: today or, around midnight, the day after or before.
        assertThat(log.get(0).path("erasedOn").asText()).isIn(TODAY.toString(), TODAY.plusDays(1).toString(),
                TODAY.minusDays(1).toString());

        assertNothingShown(api, participant, referralId);
        assertThat(api.as("coordinator").get("/api/participants/" + otherId).json().path("name").asText())
                .as("another person's data stays").isEqualTo("Keepme Around");
        assertThat(evaluation(api)).isEqualTo(metricsBefore);
        assertThat(api.as("linkworker").post(participant + "/sessions", session("More about her")).status())
                .as("nothing personal can be recorded for her again").isEqualTo(409);
        assertThat(api.as("linkworker").post(participant + "/sessions", session(null)).status())
                .as("her support can still be recorded").isEqualTo(201);

        for (String projection : List.of("referrals", "caseload", "audit-trail", "evaluation-metrics")) {
            assertThat(api.as("analyst").post("/api/projections/" + projection + "/replay", Map.of()).status())
                    .isEqualTo(202);
        }
        awaitProjections(api);
        // And the replaced generations dropped: the scan of every table lists them first.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(projections::replaysIdle);
        assertNothingShown(api, participant, referralId);
        JsonNode metricsAfterReplay = evaluation(api);
        assertThat(metricsAfterReplay.path("sessionsPerPerson").path("max").asInt())
                .isGreaterThanOrEqualTo(metricsBefore.path("sessionsPerPerson").path("max").asInt());
        assertThat(metricsAfterReplay.path("referralsReceived")).isEqualTo(metricsBefore.path("referralsReceived"));
        assertThat(metricsAfterReplay.path("peopleSeen")).isEqualTo(metricsBefore.path("peopleSeen"));
        assertThat(foundInDatabase(PERSONAL)).isEmpty();
        assertThat(PERSONAL).noneMatch(output.getAll()::contains);
    }

    /**
     * A step of support that cannot be recorded without its text (a reason, a concern's summary or
     * outcome) is still recorded after an erasure, its text as erased: a concern raised before can
     * be closed, a participant can change link worker. Text a step can do without stays refused.
     */
    @Test
    void aStepThatNeedsItsTextIsRecordedAfterAnErasureWithTheTextErased() {
        Api api = new Api(port);
        String participantId = enrolled(api, referral("Perpetua", "Ashdown", TODAY.minusYears(15).toString(),
                "07700 900333", "AS1 1HD", "Her notes"));
        String participant = "/api/participants/" + participantId;
        Response raised = api.as("linkworker").post(participant + "/safeguarding-concerns",
                Map.of("raisedOn", TODAY.minusDays(2).toString(), "summary", "Summary before 6610"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(api.as("dpo").post(participant + "/erasure", erasure(participantId)).status()).isEqualTo(200);
        long events = count("domain_event_entry");

        Map<String, Response> steps = new LinkedHashMap<>();
        steps.put("concern closed", api.as("linkworker").post(participant + "/safeguarding-concerns/"
                + raised.text("concernId") + "/closure", Map.of("closedOn", TODAY.toString(), "outcome", "Outcome 7741")));
        steps.put("concern raised", api.as("linkworker").post(participant + "/safeguarding-concerns",
                Map.of("raisedOn", TODAY.toString(), "summary", "Summary after 7742")));
        steps.put("link worker changed", api.as("coordinator").post(participant + "/link-worker",
                Map.of("linkWorkerId", "lw-2", "reason", "Reason 7743")));
        steps.put("support extended", api.as("manager").post(participant + "/extension",
                Map.of("weeks", 2, "reason", "Reason 7744")));
        steps.forEach((step, answer) -> assertThat(answer.status()).as(step + ": " + answer.body()).isBetween(200, 201));
        assertThat(api.as("linkworker2").post(participant + "/sessions", session("Notes 7745")).status())
                .as("text a step can do without is refused, not dropped").isEqualTo(409);
        assertThat(count("domain_event_entry")).isEqualTo(events + steps.size());

        List<String> texts = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number >= (
                    SELECT max(sequence_number) - 3 FROM domain_event_entry WHERE aggregate_identifier = ?)
                ORDER BY sequence_number""", String.class, participantId, participantId);
        assertThat(texts).hasSize(steps.size()).allSatisfy(payload -> assertThat(payload)
                .contains("{\"erased\":true}").doesNotContain("encrypted"));
        assertThat(foundInDatabase(List.of("Outcome 7741", "Summary after 7742", "Reason 7743", "Reason 7744")))
                .isEmpty();
    }

    @Test
    void anErasureTakesAReasonAndItsIdAgainInAJsonBodyAndAnythingElseErasesNothing() {
        Api api = new Api(port);
        String participantId = enrolled(api, referral("Tamsin", "Keepsake", TODAY.minusYears(12).toString(),
                "07700 900222", "KE1 1PS", "Keep notes"));
        String erasure = "/api/participants/" + participantId + "/erasure";
        long events = count("domain_event_entry");
        long erasedKeys = erasedKeys();

        for (String contentType : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data")) {
            Response form = api.as("dpo").postRaw(erasure, contentType,
                    ("reason=gone&confirm=" + participantId).getBytes(StandardCharsets.UTF_8));
            assertThat(form.status()).as(contentType).isEqualTo(415);
            assertThat(form.contentType()).as(contentType).startsWith("application/problem+json");
            assertThat(form.json().path("type").asText()).isEqualTo("urn:signpost:problem:unsupported-media-type");
            assertThat(form.json().path("detail").asText()).as(contentType)
                    .startsWith("A body of Content-Type application/json is needed, not " + contentType);
        }
        Response none = api.as("dpo").send("POST", erasure, null);
        assertThat(none.status()).as("no body, no content type").isEqualTo(415);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().path("detail").asText())
                .isEqualTo("A body of Content-Type application/json is needed; none was given.");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{}", "confirm, reason");
        bad.put("{\"confirm\":\"" + participantId + "\"}", "reason");
        bad.put("{\"reason\":\"DPO case 1\"}", "confirm");
        bad.put("{\"reason\":\"  \",\"confirm\":\"" + participantId + "\"}", "reason");
        bad.put("{\"reason\":\"DPO case 1\\nsecond line\",\"confirm\":\"" + participantId + "\"}", "reason");
        bad.put("{\"reason\":\"" + "x".repeat(501) + "\",\"confirm\":\"" + participantId + "\"}", "reason");
        bad.put("{\"reason\":\"DPO case 1\",\"confirm\":\"" + UUID.randomUUID() + "\"}", "confirm");
        bad.put("{\"reason\":\"DPO case 1\",\"confirm\":\"yes\"}", "confirm");
        bad.put("{\"reason\":\"DPO case 1\",\"confirm\":\"" + participantId + "\",\"force\":true}", "force");
        bad.forEach((body, fields) -> {
            Response refused = api.as("dpo").post(erasure, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).as(body).startsWith("application/problem+json");
            List<String> named = new ArrayList<>();
            refused.json().path("errors").forEach(error -> named.add(error.path("field").asText()));
            assertThat(String.join(", ", named)).as(body).isEqualTo(fields);
        });
        assertThat(count("domain_event_entry")).as("nothing stored").isEqualTo(events);
        assertThat(erasedKeys()).as("no key destroyed").isEqualTo(erasedKeys);
        awaitProjections(api);
        assertThat(api.as("coordinator").get("/api/participants/" + participantId).json().path("name").asText())
                .isEqualTo("Tamsin Keepsake");

        Response erased = api.as("dpo").post(erasure, erasure(participantId));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erasedKeys()).isEqualTo(erasedKeys + 2);
    }

    private static Map<String, Object> erasure(String id) {
        return Map.of("reason", REASON, "confirm", id);
    }

    private void assertNothingShown(Api api, String participant, String referralId) {
        List<String> answers = List.of(
                api.as("coordinator").get(participant).body(),
                api.as("coordinator").get(participant + "/history").body(),
                api.as("coordinator").get("/api/referrals/" + referralId).body(),
                api.as("auditor").get("/api/referrals/" + referralId + "/history").body(),
                api.as("auditor").get("/api/audit/events?aggregateId=" + referralId).body(),
                api.as("linkworker").get("/api/caseloads/lw-1").body());
        for (String answer : answers) {
            assertThat(PERSONAL).noneMatch(answer::contains);
        }
        assertThat(api.as("coordinator").get(participant).json().path("referralId").asText()).isEqualTo(referralId);
        assertThat(foundInDatabase(PERSONAL)).isEmpty();
    }

    /** Every table and column of the database, bytes read as text too: where any of these values occurs. */
    private List<String> foundInDatabase(List<String> values) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'""");
        for (Map<String, Object> column : columns) {
            String name = "\"" + column.get("column_name") + "\"";
            String text = "bytea".equals(column.get("data_type")) ? "encode(" + name + ", 'escape')" : name + "::text";
            for (String value : values) {
                Long hits;
                try {
                    hits = jdbc.queryForObject("SELECT count(*) FROM \"" + column.get("table_name") + "\" WHERE "
                            + text + " LIKE ?", Long.class, "%" + value + "%");
                } catch (BadSqlGrammarException e) {
                    // A replaced generation dropped since the columns were listed holds nothing any more.
                    if (jdbc.queryForObject("SELECT to_regclass(?) IS NULL", Boolean.class,
                            "\"" + column.get("table_name") + "\"")) {
                        continue;
                    }
                    throw e;
                }
                if (hits != null && hits > 0) {
                    found.add(column.get("table_name") + "." + column.get("column_name") + ": " + value);
                }
            }
        }
        return found;
    }

    private long erasedKeys() {
        return jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE erased_at IS NOT NULL", Long.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    /** Every metric, without the instant it was computed at. */
    private static JsonNode evaluation(Api api) {
        ObjectNode metrics = (ObjectNode)
                api.as("analyst").get("/api/metrics/evaluation?from=2000-01-01&to=" + TODAY.plusDays(1)).json();
        metrics.remove("asOf");
        return metrics;
    }

    private static Map<String, Object> referral(String firstName, String lastName, String dateOfBirth, String phone,
                                                String postcode, String notes) {
        Map<String, Object> youngPerson = new LinkedHashMap<>();
        youngPerson.put("firstName", firstName);
        youngPerson.put("lastName", lastName);
        youngPerson.put("dateOfBirth", dateOfBirth);
        youngPerson.put("nhsNumber", firstName.equals("Zephyrine") ? "943 476 5919" : null);
        youngPerson.put("postcode", postcode);
        youngPerson.put("phone", phone);
        youngPerson.put("school", firstName.equals("Zephyrine") ? "Thornbury Academy" : "Park School");
        youngPerson.put("parentCarer", Map.of("name", firstName.equals("Zephyrine") ? "Hesper Quillfeather" : "Parent",
                "phone", "07700 900456", "relationship", "mother"));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("source", "SCHOOL");
        form.put("channel", "ELECTRONIC_FORM");
        form.put("receivedOn", TODAY.minusDays(30).toString());
        form.put("youngPerson", youngPerson);
        form.put("referrer", firstName.equals("Zephyrine")
                ? Map.of("name", "Ottoline Brackenridge", "organisation", "School", "email", "ottoline@example.org")
                : Map.of("name", "A Teacher", "organisation", "School"));
        form.put("reasons", List.of("ANXIETY"));
        form.put("needs", List.of("ANXIETY"));
        form.put("consentGivenBy", "YOUNG_PERSON");
        form.put("notes", notes);
        return form;
    }

    private static String enrolled(Api api, Map<String, Object> referral) {
        Response received = api.as("coordinator").post("/api/referrals", referral);
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String referralId = received.text("referralId");
        assertThat(api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", TODAY.minusDays(29).toString(), "reason", "Fits well"))
                .status()).isEqualTo(200);
        Response assigned = api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                Map.of("linkWorkerId", "lw-1", "assignedOn", TODAY.minusDays(28).toString()));
        assertThat(assigned.status()).isEqualTo(200);
        return assigned.text("participantId");
    }

    private static Map<String, Object> session(String notes) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("heldOn", TODAY.minusDays(3).toString());
        form.put("durationMinutes", 40);
        form.put("location", "SCHOOL");
        form.put("accompaniedBy", "NONE");
        form.put("walkMinutesFromHome", 15);
        form.put("techniques", List.of("MOTIVATIONAL_INTERVIEWING"));
        if (notes != null) {
            form.put("notes", notes);
        }
        return form;
    }
}
