package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * Who may call what (API.md, "Authentication"), over real HTTP on the whole service: the full
 * role-by-endpoint matrix, a link worker kept to their own participants on every path, and an
 * analyst shown no personal data anywhere.
 */
class AccessControlHttpTest extends AllInOneTest {

    private static final String R = "/api/referrals/" + UUID.randomUUID();
    private static final String P = "/api/participants/" + UUID.randomUUID();
    private static final Set<String> COMMANDS = Set.of("COORDINATOR", "MANAGER");
    private static final Set<String> SUPPORT = Set.of("LINK_WORKER", "MANAGER");
    private static final Set<String> READERS = Set.of("COORDINATOR", "MANAGER", "AUDITOR", "LINK_WORKER");
    private static final Set<String> ANALYSIS = Set.of("ANALYST", "MANAGER");
    private static final Map<String, String> USER_OF_ROLE = Map.of("COORDINATOR", "coordinator", "MANAGER", "manager",
            "LINK_WORKER", "linkworker", "ANALYST", "analyst", "AUDITOR", "auditor",
            "DATA_PROTECTION_OFFICER", "dpo");

    private record Endpoint(String method, String path, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}");
        }
    }

    private static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/referrals", COMMANDS),
                new Endpoint("POST", R + "/triage", COMMANDS),
                new Endpoint("POST", R + "/assignment", COMMANDS),
                new Endpoint("POST", R + "/withdrawal", COMMANDS),
                new Endpoint("POST", P + "/link-worker", COMMANDS),
                new Endpoint("POST", P + "/sessions", SUPPORT),
                new Endpoint("POST", P + "/missed-sessions", SUPPORT),
                new Endpoint("POST", P + "/contacts", SUPPORT),
                new Endpoint("POST", P + "/measures", SUPPORT),
                new Endpoint("POST", P + "/signposts", SUPPORT),
                new Endpoint("POST", P + "/signposts/" + UUID.randomUUID() + "/uptake", SUPPORT),
                new Endpoint("POST", P + "/safeguarding-concerns", SUPPORT),
                new Endpoint("POST", P + "/discharge", SUPPORT),
                new Endpoint("POST", P + "/extension", Set.of("MANAGER")),
                new Endpoint("POST", P + "/erasure", Set.of("DATA_PROTECTION_OFFICER")),
                new Endpoint("POST", R + "/erasure", Set.of("DATA_PROTECTION_OFFICER")),
                new Endpoint("GET", "/api/triage-queue", COMMANDS),
                new Endpoint("GET", "/api/caseloads", Set.of("COORDINATOR", "MANAGER", "LINK_WORKER")),
                new Endpoint("GET", "/api/caseloads/lw-1", Set.of("COORDINATOR", "MANAGER", "LINK_WORKER")),
                new Endpoint("GET", R, READERS),
                new Endpoint("GET", R + "/history", READERS),
                new Endpoint("GET", P, READERS),
                new Endpoint("GET", P + "/history", READERS),
                new Endpoint("GET", "/api/audit/events", Set.of("AUDITOR")),
                new Endpoint("GET", "/api/audit/integrity", Set.of("AUDITOR")),
                new Endpoint("GET", "/api/audit/personal-data-reads", Set.of("AUDITOR")),
                new Endpoint("GET", "/api/erasures", Set.of("DATA_PROTECTION_OFFICER", "AUDITOR")),
                new Endpoint("GET", "/api/metrics/referral-rate?from=2026-01-01&to=2026-12-31", ANALYSIS),
                new Endpoint("GET", "/api/metrics/evaluation?from=2026-01-01&to=2026-12-31", ANALYSIS),
                new Endpoint("GET", "/api/projections", ANALYSIS),
                // An unknown projection: the roles that may replay get 404, and no replay starts.
                new Endpoint("POST", "/api/projections/no-such-projection/replay", ANALYSIS),
                new Endpoint("POST", "/api/projections/no-such-projection/dead-letters/retry", ANALYSIS));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            cells.add(Arguments.of(endpoint, "anonymous"));
            USER_OF_ROLE.keySet().stream().sorted().forEach(role -> cells.add(Arguments.of(endpoint, role)));
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRoleGetsWhatTheRoleTableSays(Endpoint endpoint, String role) {
        Api.Call call = role.equals("anonymous") ? api().anonymous() : api().as(USER_OF_ROLE.get(role));
        Response response = endpoint.method().equals("GET") ? call.get(endpoint.path())
                : call.post(endpoint.path(), Map.of());
        if (role.equals("anonymous")) {
            assertThat(response.status()).isEqualTo(401);
        } else if (endpoint.roles().contains(role)) {
            assertThat(response.status()).as(response.body()).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
        }
        assertThat(response.contentType()).startsWith("application/");
    }

    @Test
    void aLinkWorkerCannotReachAnotherLinkWorkersParticipantByAnyPath() {
        Api api = api();
        Map<String, String> ids = enrolledOfLinkWorkerOne(api, "Otherworker", "Someone");
        String p = "/api/participants/" + ids.get("participantId");
        String r = "/api/referrals/" + ids.get("referralId");
        awaitProjections(api);
        assertThat(api.as("linkworker").get(p).status()).as("their own").isEqualTo(200);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        for (String path : List.of(p, p + "/history", r, r + "/history")) {
            Response answer = api.as("linkworker2").get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("Otherworker");
        }
        assertThat(api.as("linkworker2").get("/api/caseloads/lw-1").status()).isEqualTo(403);
        assertThat(api.as("linkworker2").get("/api/caseloads").body()).doesNotContain("lw-1");
        String signpostId = UUID.randomUUID().toString();
        Map<String, Map<String, Object>> commands = new LinkedHashMap<>();
        commands.put(p + "/sessions", Map.of("heldOn", LocalDate.now().minusDays(1).toString(), "durationMinutes", 40,
                "location", "SCHOOL", "accompaniedBy", "NONE", "techniques", List.of("COM_B")));
        commands.put(p + "/missed-sessions", Map.of("plannedOn", LocalDate.now().minusDays(1).toString()));
        commands.put(p + "/contacts", Map.of("channel", "TEXT", "direction", "OUTBOUND",
                "contactedOn", LocalDate.now().minusDays(1).toString()));
        commands.put(p + "/measures", Map.of("instrument", "UCLA3", "timepoint", "BASELINE",
                "recordedOn", LocalDate.now().minusDays(1).toString(), "itemScores", List.of(1, 2, 3)));
        commands.put(p + "/signposts", Map.of("signpostId", signpostId, "organisation", "Scouts", "activity", "Camp",
                "category", "SOCIAL", "signpostedOn", LocalDate.now().minusDays(1).toString()));
        commands.put(p + "/signposts/" + signpostId + "/uptake", Map.of("attended", true,
                "recordedOn", LocalDate.now().toString()));
        commands.put(p + "/safeguarding-concerns", Map.of("raisedOn", LocalDate.now().toString(), "summary", "x"));
        commands.put(p + "/discharge", Map.of("reason", "COMPLETED", "dischargedOn", LocalDate.now().toString()));
        commands.forEach((path, body) -> {
            Response answer = api.as("linkworker2").post(path, body);
            assertThat(answer.status()).as(path + " " + answer.body()).isIn(404, 403);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .as("nothing stored").isEqualTo(events);
        assertThat(api.as("linkworker").post(p + "/contacts", commands.get(p + "/contacts")).status())
                .as("while their own link worker may").isEqualTo(201);
    }

    @Test
    void anAnalystIsShownNoPersonalDataAnywhere() {
        Api api = api();
        enrolledOfLinkWorkerOne(api, "Analysandra", "Privatington");
        awaitProjections(api);
        List<String> personal = List.of("Analysandra", "Privatington", "07700 900321", "AN1 5LY", "Analyst-notes-77",
                "Referrer Rosalind");
        String period = "from=2000-01-01&to=" + LocalDate.now().plusDays(1);
        List<Response> answers = List.of(
                api.as("analyst").get("/api/metrics/evaluation?" + period),
                api.as("analyst").header("Accept", "text/csv").get("/api/metrics/evaluation?" + period),
                api.as("analyst").get("/api/metrics/referral-rate?" + period),
                api.as("analyst").get("/api/metrics/referral-rate?" + period + "&groupBy=source"),
                api.as("analyst").get("/api/metrics/referral-rate?" + period + "&groupBy=linkWorker"),
                api.as("analyst").get("/api/projections"));
        for (Response answer : answers) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(personal).noneMatch(answer.body()::contains);
        }
        assertThat(answers.get(0).json().path("referralsReceived").path("total").asInt()).isPositive();
    }

    private static Map<String, String> enrolledOfLinkWorkerOne(Api api, String firstName, String lastName) {
        Map<String, Object> youngPerson = new LinkedHashMap<>();
        youngPerson.put("firstName", firstName);
        youngPerson.put("lastName", lastName);
        youngPerson.put("dateOfBirth", LocalDate.now().minusYears(15).toString());
        youngPerson.put("phone", "07700 900321");
        youngPerson.put("postcode", "AN1 5LY");
        Response received = api.as("coordinator").post("/api/referrals", Map.of("source", "GP", "channel", "EMAIL",
                "receivedOn", LocalDate.now().minusDays(20).toString(), "youngPerson", youngPerson,
                "referrer", Map.of("name", "Referrer Rosalind", "organisation", "Surgery"),
                "reasons", List.of("LONELINESS"), "needs", List.of("LONELINESS"), "consentGivenBy", "YOUNG_PERSON",
                "notes", "Analyst-notes-77"));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String referralId = received.text("referralId");
        assertThat(api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", LocalDate.now().minusDays(19).toString())).status())
                .isEqualTo(200);
        Response assigned = api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                Map.of("linkWorkerId", "lw-1", "assignedOn", LocalDate.now().minusDays(18).toString()));
        assertThat(assigned.status()).isEqualTo(200);
        return Map.of("referralId", referralId, "participantId", assigned.text("participantId"));
    }
}
