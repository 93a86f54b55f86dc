package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.console.pages.Words;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor's pages over real HTTP: the audit trail search and its pages, a record's whole
 * history, the read log and the integrity check, each showing what the API answers for the same
 * query; what is typed wrong said on its field; every other role refused, as the API refuses them.
 */
class ConsoleAuditHttpTest extends AllInOneTest {

    private static final String TODAY = LocalDate.now().toString();

    private PageClient auditor() {
        PageClient client = new PageClient(port);
        client.signIn("auditor", Api.PASSWORD);
        return client;
    }

    /** The store positions of the rows of a page of events (or of the API's answer). */
    private static List<Long> positions(Page page) {
        return page.document().select("[data-testid=events] tbody tr").eachAttr("data-position").stream()
                .map(Long::valueOf).toList();
    }

    private static List<Long> positions(Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Long> positions = new ArrayList<>();
        answer.json().forEach(row -> positions.add(row.path("position").asLong()));
        return positions;
    }

    @Test
    void anAuditorLandsOnTheAuditTrailWhichSearchesOnlyWhenAsked() {
        PageClient client = new PageClient(port);
        Page landing = client.signIn("auditor", Api.PASSWORD);
        assertThat(landing.raw().uri().getPath()).isEqualTo("/audit");
        assertThat(landing.h1()).isEqualTo("Audit trail");
        assertThat(landing.document().select("a.nhsuk-header__navigation-link").eachText())
                .containsExactly("Audit trail", "Reads of personal data", "Integrity", "Erasure log");
        assertThat(landing.document().select("[data-testid=events]")).isEmpty();
        assertThat(landing.document().select("#type option").eachText()).contains("Any event type", "Session held",
                "Personal data erased");
    }

    @Test
    void aSearchByReferenceUserEventTypeAndDaysShowsTheApisRows() {
        Map<String, String> ids = enrolledOfLinkWorkerOne(api(), "Audita", "Searchwell");
        String referralId = ids.get("referralId");
        awaitProjections(api());
        PageClient client = auditor();

        Page byReference = client.open("/audit?person=" + referralId);
        assertThat(byReference.status()).isEqualTo(200);
        assertThat(positions(byReference)).hasSize(3)
                .isEqualTo(positions(api().as("auditor").get("/api/audit/events?size=50&aggregateId=" + referralId)));
        Element first = byReference.document().selectFirst("[data-testid=events] tbody tr");
        assertThat(first.text()).contains("Referral received", "coordinator (Coordinator)");
        assertThat(first.selectFirst("a").attr("href")).isEqualTo("/audit/referrals/" + referralId + "#event-0");
        assertThat(byReference.document().select("[data-testid=found]").text()).startsWith("3 events found");

        Page search = client.open("/audit");
        Page narrowed = search(client, search, "form[data-testid=search]", Map.of("person", referralId.toUpperCase(),
                "actor", "coordinator", "type", "Triaged", "from-day", String.valueOf(LocalDate.now().getDayOfMonth()),
                "from-month", String.valueOf(LocalDate.now().getMonthValue()),
                "from-year", String.valueOf(LocalDate.now().getYear())));
        Response api = api().as("auditor").get("/api/audit/events?size=50&actor=coordinator&type=Triaged&from=" + TODAY
                + "&aggregateId=" + referralId);
        assertThat(positions(narrowed)).hasSize(1).isEqualTo(positions(api));
        assertThat(narrowed.document().select("[data-testid=events] tbody tr").text()).contains("Referral triaged");
        assertThat(narrowed.document().select("#type option[selected]").val()).isEqualTo("Triaged");

        Page nobody = client.open("/audit?actor=linkworker&person=" + referralId);
        assertThat(nobody.document().select("[data-testid=found]").text()).isEqualTo("None found.");
        Page yesterday = client.open("/audit?person=" + referralId + "&to-day=" + LocalDate.now().minusDays(1)
                .getDayOfMonth() + "&to-month=" + LocalDate.now().minusDays(1).getMonthValue() + "&to-year="
                + LocalDate.now().minusDays(1).getYear());
        assertThat(positions(yesterday)).as("recorded today, all of them").isEmpty();
    }

    @Test
    void theTrailIsPagedAsTheApiPagesIt() {
        Map<String, String> ids = enrolledOfLinkWorkerOne(api(), "Pagina", "Manycontacts");
        String participantId = ids.get("participantId");
        for (int contact = 0; contact < 52; contact++) {
            Response made = api().as("linkworker").post("/api/participants/" + participantId + "/contacts",
                    Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", TODAY));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
        }
        awaitProjections(api());
        PageClient client = auditor();
        Page first = client.open("/audit?type=ContactMade&person=" + participantId);
        String query = "/api/audit/events?type=ContactMade&size=50&aggregateId=" + participantId;
        assertThat(positions(first)).hasSize(50).isEqualTo(positions(api().as("auditor").get(query + "&page=0")));
        assertThat(first.document().select("[data-testid=found]").text())
                .isEqualTo("52 events found, oldest first: showing 1 to 50.");
        assertThat(first.document().select("[data-testid=pagination] .nhsuk-pagination__link").eachText())
                .containsExactly("1", "2");
        assertThat(first.document().select(".nhsuk-pagination__item--current").text()).isEqualTo("1");
        String next = first.document().selectFirst("[data-testid=pagination] a[rel=next]").attr("href");
        assertThat(next).contains("type=ContactMade", "person=" + participantId, "page=2");

        Page second = client.open(next);
        assertThat(positions(second)).hasSize(2).isEqualTo(positions(api().as("auditor").get(query + "&page=1")));
        assertThat(second.document().select("[data-testid=found]").text())
                .isEqualTo("52 events found, oldest first: showing 51 to 52.");
        assertThat(second.document().selectFirst("[data-testid=pagination] a[rel=prev]").attr("href")).contains("page=1");
        assertThat(second.document().select("[data-testid=pagination] a[rel=next]")).isEmpty();
        Page beyond = client.open("/audit?type=ContactMade&person=" + participantId + "&page=9");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(positions(beyond)).isEmpty();
        assertThat(client.open("/audit?type=ContactMade&person=" + participantId + "&page=nonsense").status())
                .isEqualTo(200);
    }

    @Test
    void aReferralsHistoryIsATimelineOfWhenWhoWhatAndWhyWithThePayloadOnDemand() {
        Map<String, String> ids = enrolledOfLinkWorkerOne(api(), "Timeline", "Auditson");
        String referralId = ids.get("referralId");
        String participantId = ids.get("participantId");
        PageClient client = auditor();
        Page history = client.open("/audit/referrals/" + referralId);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.h1()).isEqualTo("Referral history");
        JsonNode events = api().as("auditor").get("/api/referrals/" + referralId + "/history").json();
        List<Element> entries = history.document().select("[data-testid=timeline] > li");
        assertThat(entries).hasSize(events.size());
        assertThat(entries).extracting(entry -> entry.attr("data-type"))
                .containsExactly("ReferralReceived", "Triaged", "LinkWorkerAssigned");

        Element received = entries.get(0);
        JsonNode apiReceived = events.get(0);
        assertThat(received.id()).isEqualTo("event-0");
        assertThat(received.selectFirst("h3").text()).isEqualTo("Referral received");
        assertThat(received.select("[data-testid=occurred]").text())
                .isEqualTo(new Words().date(apiReceived.path("occurredOn").asText()));
        assertThat(received.selectFirst("[data-testid=recorded] time").attr("datetime"))
                .isEqualTo(apiReceived.path("recordedAt").asText());
        assertThat(received.select("[data-testid=by]").text()).isEqualTo("coordinator (Coordinator)");
        assertThat(received.select("[data-testid=correlation]").text())
                .isEqualTo(apiReceived.path("correlationId").asText()).isNotBlank();
        assertThat(received.select(".nhsuk-summary-list").text()).contains("Notes", "Analyst-notes-77", "Source", "GP");
        Element payload = received.selectFirst("details[data-testid=payload]");
        assertThat(payload.hasAttr("open")).as("the payload is shown on demand").isFalse();
        assertThat(payload.select("summary").text()).startsWith("Payload");
        String json = payload.select("code").text();
        assertThat(json).contains("\"firstName\" : \"Timeline\"", "\"erased\" : false");
        assertThat(history.document().select("[data-testid=participant-link]").attr("href"))
                .isEqualTo("/audit/participants/" + participantId);
        assertThat(history.document().select("[data-testid=erased]")).isEmpty();

        Page support = client.open("/audit/participants/" + participantId);
        assertThat(support.h1()).isEqualTo("Participant history");
        assertThat(support.document().select("[data-testid=timeline] > li").eachAttr("data-type"))
                .containsExactly("ParticipantEnrolled");
        assertThat(support.document().select("[data-testid=referral-link]").attr("href"))
                .isEqualTo("/audit/referrals/" + referralId);
        assertThat(client.get("/audit/referrals/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(client.get("/audit/participants/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void theReadLogShowsACoordinatorsViewOfAParticipantPage() {
        String participantId = enrolledOfLinkWorkerOne(api(), "Readlogga", "Viewedby").get("participantId");
        // The page asks for the participant's history only once that read model has the participant
        // (until then the API answers 404 and no read of it is logged): wait for every read model.
        awaitProjections(api());
        PageClient coordinator = new PageClient(port);
        coordinator.signIn("coordinator", Api.PASSWORD);
        assertThat(coordinator.get("/participants/" + participantId).status()).isEqualTo(200);

        Page reads = auditor().open("/audit/reads?actor=coordinator&person=" + participantId);
        assertThat(reads.status()).isEqualTo(200);
        Response api = api().as("auditor").get("/api/audit/personal-data-reads?actor=coordinator&size=50&subjectId="
                + participantId);
        List<Element> rows = reads.document().select("[data-testid=reads] tbody tr");
        assertThat(rows).hasSize(api.json().size()).isNotEmpty();
        assertThat(rows).extracting(row -> row.attr("data-read-id"))
                .containsExactlyElementsOf(api.json().findValuesAsText("id"));
        assertThat(rows).extracting(row -> row.select("[data-testid=endpoint]").text())
                .contains("GET /api/participants/{participantId}", "GET /api/participants/{participantId}/history");
        assertThat(rows.get(0).text()).contains("coordinator (Coordinator)", "Participant", participantId);
        assertThat(rows.get(0).selectFirst("a").attr("href")).isEqualTo("/audit/participants/" + participantId);
        assertThat(reads.document().select("[data-testid=found]").text())
                .startsWith(api.header("X-Total-Count") + " reads found");

        Page everyone = auditor().open("/audit/reads");
        assertThat(everyone.status()).isEqualTo(200);
        long all = Long.parseLong(api().as("auditor").get("/api/audit/personal-data-reads?size=1")
                .header("X-Total-Count"));
        assertThat(everyone.document().select("[data-testid=reads] tbody tr")).hasSize((int) Math.min(50, all));
    }

    @Test
    void theIntegrityCheckRunsWhenAskedAndSaysIntactWithTheApisCounts() {
        PageClient client = auditor();
        Page before = client.open("/audit/integrity");
        assertThat(before.h1()).isEqualTo("Integrity of the stored history");
        assertThat(before.document().select("[data-testid=verdict]")).as("no check until asked").isEmpty();

        JsonNode earlier = api().as("auditor").get("/api/audit/integrity").json();
        Page checked = search(client, before, "form[data-testid=check]", Map.of());
        JsonNode later = api().as("auditor").get("/api/audit/integrity").json();
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.document().select("[data-testid=verdict]").text()).isEqualTo("The stored history is intact");
        Element events = checked.document().selectFirst("[data-testid=events]");
        assertThat(events.select("[data-testid=status]").text()).isEqualTo("Intact");
        assertThat(number(events, "verified")).isBetween(earlier.path("verifiedEvents").asLong(),
                later.path("verifiedEvents").asLong()).isPositive();
        assertThat(number(events, "sealed")).isBetween(earlier.path("sealedUpTo").asLong(),
                later.path("sealedUpTo").asLong());
        assertThat(events.select("[data-testid=failure]").text()).isEqualTo("Nowhere");
        if (earlier.path("sealedUpTo").equals(later.path("sealedUpTo"))) {
            assertThat(events.select("[data-testid=head-hash]").text()).isEqualTo(later.path("headHash").asText());
        }
        Element readLog = checked.document().selectFirst("[data-testid=read-log]");
        assertThat(readLog.select("[data-testid=status]").text()).isEqualTo("Intact");
        assertThat(number(readLog, "verified")).isBetween(earlier.path("readLog").path("verifiedRows").asLong(),
                later.path("readLog").path("verifiedRows").asLong());
        assertThat(readLog.select("[data-testid=head-hash]").text()).matches("[0-9a-f]{64}");
    }

    @Test
    void aBrokenChainIsSaidWithWhereItBreaks() {
        enrolledOfLinkWorkerOne(api(), "Tampera", "Chainbreak");
        awaitProjections(api());
        JdbcTemplate superuser = superuser();
        await().atMost(Duration.ofSeconds(30)).until(() -> superuser.queryForObject(
                "SELECT sealed_up_to FROM chain_head WHERE chain = 'events'", Long.class)
                >= superuser.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class));
        long position = superuser.queryForObject("SELECT max(position) - 1 FROM chain_seal WHERE chain = 'events'",
                Long.class);
        byte[] original = superuser.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, position);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 0x01;
        behindTheServicesBack(superuser, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", changed,
                position);
        try {
            PageClient client = auditor();
            Page checked = search(client, client.open("/audit/integrity"), "form[data-testid=check]", Map.of());
            assertThat(checked.status()).isEqualTo(200);
            assertThat(checked.document().select("[data-testid=verdict]").text())
                    .isEqualTo("The stored history has been changed");
            Element events = checked.document().selectFirst("[data-testid=events]");
            assertThat(events.select("[data-testid=status]").text()).isEqualTo("Broken");
            assertThat(events.select("[data-testid=status]").hasClass("nhsuk-tag--red")).isTrue();
            JsonNode report = api().as("auditor").get("/api/audit/integrity").json();
            assertThat(report.path("firstFailure").path("position").asLong()).isEqualTo(position);
            assertThat(events.select("[data-testid=failure]").text()).isEqualTo("At position " + position + ": "
                    + report.path("firstFailure").path("reason").asText());
            Element readLog = checked.document().selectFirst("[data-testid=read-log]");
            assertThat(readLog.select("[data-testid=status]").text()).as("the other chain").isEqualTo("Intact");
        } finally {
            behindTheServicesBack(superuser, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                    original, position);
        }
        assertThat(api().as("auditor").get("/api/audit/integrity").json().path("status").asText()).isEqualTo("INTACT");
    }

    /** SQL the store's append-only triggers would refuse, as a database owner could run it. */
    private static void behindTheServicesBack(JdbcTemplate superuser, String sql, Object... args) {
        superuser.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER USER");
        try {
            superuser.update(sql, args);
        } finally {
            superuser.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER USER");
        }
    }

    /** Sends a GET form as a browser does: its fields, and those typed, in the address. */
    static Page search(PageClient client, Page page, String formSelector, Map<String, String> typed) {
        Element form = page.document().selectFirst(formSelector);
        assertThat(form.attr("method")).isEqualTo("get");
        Map<String, String> fields = new LinkedHashMap<>(page.fields(formSelector));
        fields.putAll(typed);
        StringBuilder query = new StringBuilder();
        fields.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return client.open(form.attr("action") + query);
    }

    private static long number(Element chain, String testId) {
        return Long.parseLong(chain.select("[data-testid=" + testId + "]").text().replace(",", ""));
    }

    @Test
    void whatIsNotAReferenceADateOrAnEventTypeIsSaidOnItsField() {
        PageClient client = auditor();
        Page refused = client.open("/audit?person=Zephyrine&type=Nonsense&from-day=31&from-month=2&from-year=2026");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().title()).startsWith("Error: ");
        assertThat(refused.document().select(".nhsuk-error-summary a").eachAttr("href"))
                .containsExactly("#person", "#type", "#from-day");
        assertThat(refused.document().select("#person-error").text()).contains("referral's or a participant's reference");
        assertThat(refused.document().select("#from-error").text()).contains("real date");
        assertThat(refused.document().select("#person").val()).isEqualTo("Zephyrine");
        assertThat(refused.document().select("[data-testid=events]")).isEmpty();

        Page backwards = client.open("/audit?from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.document().select(".nhsuk-error-summary a").eachAttr("href")).containsExactly("#to-day");
        assertThat(backwards.document().select("#to-error").text()).contains("same as the first day or after it");

        Page reads = client.open("/audit/reads?person=x&to-day=1&to-month=13&to-year=2026");
        assertThat(reads.status()).isEqualTo(400);
        assertThat(reads.document().select(".nhsuk-error-summary a").eachAttr("href"))
                .containsExactly("#person", "#to-day");
    }

    @Test
    void everyOtherRoleIsRefusedTheAuditorsPagesAsTheApiRefusesThem() {
        String id = UUID.randomUUID().toString();
        for (String user : List.of("coordinator", "manager", "linkworker", "analyst", "dpo")) {
            PageClient client = new PageClient(port);
            client.signIn(user, Api.PASSWORD);
            for (String page : List.of("/audit", "/audit?actor=coordinator", "/audit/reads", "/audit/integrity",
                    "/audit/integrity?check=now", "/audit/referrals/" + id, "/audit/participants/" + id)) {
                Page refused = client.get(page);
                assertThat(refused.status()).as(user + " " + page).isEqualTo(403);
                assertThat(refused.h1()).isEqualTo("You cannot see this page");
            }
            assertThat(api().as(user).get("/api/audit/events").status()).as(user).isEqualTo(403);
            assertThat(client.open("/").document().select("a.nhsuk-header__navigation-link").eachText())
                    .as(user).doesNotContain("Audit trail", "Integrity");
        }
        for (String user : List.of("coordinator", "manager", "linkworker", "analyst")) {
            PageClient client = new PageClient(port);
            client.signIn(user, Api.PASSWORD);
            assertThat(client.get("/erasures").status()).as(user).isEqualTo(403);
            assertThat(api().as(user).get("/api/erasures").status()).as(user).isEqualTo(403);
        }
        assertThat(auditor().get("/erasures").status()).isEqualTo(200);
    }
}
