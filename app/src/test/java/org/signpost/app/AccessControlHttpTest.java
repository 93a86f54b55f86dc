package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * Who may call what (docs/access.md), over real HTTP on the whole service: the full matrix of
 * every path of the role table by every method by every caller, generated from the table itself;
 * a link worker kept to their own participants on every path; an analyst shown no personal data
 * anywhere.
 */
class AccessControlHttpTest extends AllInOneTest {

    private static final Map<String, String> USER_OF_ROLE = Map.of("COORDINATOR", "coordinator", "MANAGER", "manager",
            "LINK_WORKER", "linkworker", "ANALYST", "analyst", "AUDITOR", "auditor",
            "DATA_PROTECTION_OFFICER", "dpo");
    /** The link worker of the test users: "their own caseload" must be theirs for the allowed cell to show it. */
    private static final String OWN_LINK_WORKER_ID = "lw-1";
    /** Paths the service must refuse to everyone, for every method: none is in the table. */
    private static final List<String> NOT_IN_THE_TABLE = List.of("/api", "/api/nothing-here",
            "/api/referrals/{referralId}/nothing-here", "/api/participants/{participantId}/sessions/{sessionId}",
            "/api/caseloads/{linkWorkerId}/more", "/api/audit", "/api/metrics", "/api/projections/{name}",
            "/actuator", "/actuator/env", "/actuator/info", "/actuator/metrics", "/v3/api-docs.yaml");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** One path and method: the callers the table allows it to (every other caller is refused). */
    record Cell(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Cell> matrix() {
        List<Cell> cells = new ArrayList<>();
        // The service's own paths; every other path of the all-in-one service is the staff console's, whose
        // pages have rules of their own (docs/access.md, "The staff console"; ConsoleAccessHttpTest).
        RoleTable.read().allowedByPathAndMethod().forEach((path, byMethod) -> {
            if (!path.equals("/")) {
                byMethod.forEach((method, allowed) -> cells.add(new Cell(method, path, allowed)));
            }
        });
        for (String path : NOT_IN_THE_TABLE) {
            RoleTable.METHODS.forEach(method -> cells.add(new Cell(method, path, Set.of())));
        }
        return cells.stream();
    }

    /**
     * Each caller's answer to the cell, as a verdict: "allowed" when the request got past the
     * table (any answer but 401, 403 or a server error: 400 for an empty body, 404 for a random
     * id are the handler's), otherwise the refusal. The cell's verdicts must be exactly those the
     * table gives: allowed, or 401 for the anonymous caller and 403 for a role.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyCallerGetsWhatTheRoleTableSays(Cell cell) {
        String path = concrete(cell.path());
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        Api api = api();
        for (String caller : RoleTable.CALLERS) {
            boolean anonymous = caller.equals(RoleTable.ANONYMOUS);
            expected.put(caller, cell.allowed().contains(caller) ? "allowed" : anonymous ? "401" : "403");
            Api.Call call = anonymous ? api.anonymous() : api.as(USER_OF_ROLE.get(caller));
            boolean withBody = Set.of("POST", "PUT", "PATCH", "DELETE").contains(cell.method());
            Response response = call.send(cell.method(), path, withBody ? Map.of() : null);
            actual.put(caller, verdict(cell, response));
            answers.put(caller, response.status() + " " + response.body());
        }
        assertThat(actual).as(cell.method() + " " + path + ": " + answers).isEqualTo(expected);
    }

    private static String verdict(Cell cell, Response response) {
        int status = response.status();
        // Health is an answer about the service, and 503 is what it says when the service is not ready.
        boolean serverError = status >= 500 && !(cell.path().startsWith("/actuator/health") && status == 503);
        if (status != 401 && status != 403 && !serverError) {
            return "allowed";
        }
        String contentType = response.contentType();
        return contentType != null && contentType.startsWith("application/problem+json")
                ? Integer.toString(status) : status + " without problem+json";
    }

    /** The table's path with its placeholders filled in: a random id each, the test link worker's own id. */
    private static String concrete(String path) {
        Matcher placeholder = PLACEHOLDER.matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(concrete, placeholder.group(1).equals("linkWorkerId")
                    ? OWN_LINK_WORKER_ID : UUID.randomUUID().toString());
        }
        return placeholder.appendTail(concrete).toString();
    }

    /** A new endpoint must be given its row: otherwise it is refused to everyone. */
    @Test
    void theRoleTableHasARowForEveryOperationTheServiceHandles() {
        Map<String, Map<String, Set<String>>> table = RoleTable.read().allowedByPathAndMethod();
        JsonNode paths = api().as("analyst").get("/v3/api-docs").json().path("paths");
        List<String> operations = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method ->
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(operations).contains("POST /api/participants/{participantId}/erasure", "GET /api/audit/integrity")
                .allSatisfy(operation -> {
                    String[] methodAndPath = operation.split(" ", 2);
                    assertThat(table.getOrDefault(methodAndPath[1], Map.of()).getOrDefault(methodAndPath[0], Set.of()))
                            .as("docs/access.md allows %s to someone", operation).isNotEmpty();
                });
    }

    /** docs/access.md: a method the service answers nowhere is refused before anyone is asked who they are. */
    @Test
    void aMethodAnsweredNowhereIsRefusedWith400WhoeverAsks() {
        for (String method : List.of("TRACE", "PROPFIND")) {
            assertThat(api().anonymous().send(method, "/api/triage-queue", null).status()).as(method).isEqualTo(400);
            assertThat(api().as("coordinator").send(method, "/api/triage-queue", null).status()).as(method)
                    .isEqualTo(400);
        }
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
            Response head = api.as("linkworker2").head(path);
            assertThat(head.status()).as("HEAD " + path).isEqualTo(404);
            assertThat(head.header("ETag")).as("HEAD " + path).isNull();
        }
        assertThat(api.as("linkworker2").get("/api/caseloads/lw-1").status()).isEqualTo(403);
        assertThat(api.as("linkworker2").head("/api/caseloads/lw-1").status()).isEqualTo(403);
        assertThat(api.as("linkworker2").head("/api/audit/events?aggregateId=" + ids.get("participantId")
                + "&type=SafeguardingConcernRaised").header("X-Total-Count")).as("no count of another's concerns")
                .isNull();
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
        commands.put(p + "/safeguarding-concerns/" + UUID.randomUUID() + "/closure",
                Map.of("closedOn", LocalDate.now().toString(), "outcome", "x"));
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
}
