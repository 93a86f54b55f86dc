package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * A manager's "Service" page over real HTTP: the referrals waiting and how long (the triage
 * queue's figures), the days to first session (the evaluation's, for the period the page names),
 * each caseload against capacity as a bar, and the caseload flags' counts, each leading to the
 * participants who have it; every figure the API's for the same query. Other roles are refused.
 */
class ConsoleServiceHttpTest extends AllInOneTest {

    private static final List<String> FLAGS = List.of("SAFEGUARDING_CONCERN", "BEYOND_ENTITLEMENT",
            "NO_CONTACT_14_DAYS", "ENTITLEMENT_ENDING", "SESSION_OVER_30_MINUTES_WALK");

    private PageClient signedIn(String user) {
        return PageClient.signedIn(port, user);
    }

    @Test
    void theServicePageShowsTheApisFiguresOfTheQueueFirstSessionsCaseloadsAndFlags() {
        Api api = api();
        String waiting = referralReceived(api, 9);
        String flagged = enrolledOfLinkWorkerOne(api, "Flaggeta", "Servicewright").get("participantId");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.as("manager").get("/api/triage-queue").body()
                .contains(waiting));
        awaitProjections(api);

        Page service = signedIn("manager").get("/service");
        assertThat(service.status()).isEqualTo(200);
        assertThat(service.h1()).isEqualTo("Service");
        assertThat(service.document().select(".nhsuk-header__navigation-link[aria-current=page]").text())
                .isEqualTo("Service");

        List<Integer> days = new ArrayList<>();
        api.as("manager").get("/api/triage-queue").json().forEach(row -> days.add(row.path("daysWaiting").asInt()));
        days.sort(Integer::compare);
        assertThat(days).contains(9);
        assertThat(text(service, "waiting-count")).isEqualTo(Integer.toString(days.size()));
        int middle = days.size() / 2;
        BigDecimal median = days.size() % 2 == 1 ? BigDecimal.valueOf(days.get(middle))
                : BigDecimal.valueOf(days.get(middle - 1) + days.get(middle)).divide(BigDecimal.valueOf(2));
        assertThat(new BigDecimal(text(service, "waiting-median"))).isEqualByComparingTo(median);
        assertThat(text(service, "waiting-oldest")).isEqualTo(Integer.toString(days.get(days.size() - 1)));

        // The figure of the evaluation for the period the page says.
        String from = service.document().selectFirst("[data-testid=period-from]").attr("datetime");
        String to = service.document().selectFirst("[data-testid=period-to]").attr("datetime");
        assertThat(LocalDate.parse(to)).isEqualTo(LocalDate.parse(from).plusMonths(12).minusDays(1));
        JsonNode evaluation = api.as("manager").get("/api/metrics/evaluation?from=" + from + "&to=" + to).json();
        assertThat(new BigDecimal(text(service, "first-session-median")))
                .isEqualByComparingTo(evaluation.path("daysToFirstSession").path("median").decimalValue());

        // A bar per link worker: the meter's value and bounds, and the same numbers as text.
        JsonNode caseloads = api.as("manager").get("/api/caseloads").json();
        assertThat(service.document().select("[data-testid=caseloads] tbody tr")).hasSize(caseloads.size());
        for (JsonNode caseload : caseloads) {
            String id = caseload.path("linkWorkerId").asText();
            Element row = service.document().selectFirst("[data-testid=caseloads] tr[data-link-worker=" + id + "]");
            assertThat(row).as(id).isNotNull();
            Element meter = row.selectFirst("meter");
            assertThat(meter.attr("value")).isEqualTo(caseload.path("active").asText());
            assertThat(meter.attr("max")).isEqualTo(caseload.path("capacity").asText());
            assertThat(meter.attr("min")).isEqualTo("0");
            assertThat(meter.attr("aria-label")).contains(id);
            assertThat(row.selectFirst("[data-testid=active]").text()).isEqualTo(caseload.path("active").asText());
            assertThat(row.selectFirst("[data-testid=capacity]").text()).isEqualTo(caseload.path("capacity").asText());
            assertThat(row.selectFirst("a").attr("href")).isEqualTo("/caseloads/" + id);
        }

        // Each flag's count is of the participants of every caseload who have it; its link lists them.
        Map<String, Set<String>> withFlag = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        FLAGS.forEach(flag -> withFlag.put(flag, new TreeSet<>()));
        for (JsonNode caseload : caseloads) {
            for (JsonNode participant : api.as("manager").get("/api/caseloads/" + caseload.path("linkWorkerId")
                    .asText()).json()) {
                // An erased person's name is gone (null): the page says so instead of an empty link.
                names.put(participant.path("participantId").asText(), participant.path("name").isNull()
                        ? "Personal data erased" : participant.path("name").asText());
                participant.path("flags").forEach(flag -> withFlag.get(flag.asText())
                        .add(participant.path("participantId").asText()));
            }
        }
        assertThat(withFlag.get("NO_CONTACT_14_DAYS")).contains(flagged);
        PageClient manager = signedIn("manager");
        assertThat(service.document().select("[data-testid=flags] tbody tr").eachAttr("data-flag"))
                .containsExactlyElementsOf(FLAGS);
        for (String flag : FLAGS) {
            Element row = service.document().selectFirst("[data-testid=flags] tr[data-flag=" + flag + "]");
            assertThat(row.selectFirst("[data-testid=flag-count]").text()).as(flag)
                    .isEqualTo(Integer.toString(withFlag.get(flag).size()));
            Element link = row.selectFirst("td.nhsuk-table__cell--numeric a");
            if (withFlag.get(flag).isEmpty()) {
                assertThat(link).as(flag).isNull();
                continue;
            }
            String href = link.attr("href");
            assertThat(href).isEqualTo("/service/flags/" + flag.toLowerCase(Locale.ROOT).replace('_', '-'));
            Page list = manager.get(href);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.document().select("[data-testid=flagged] tbody tr").eachAttr("data-participant-id"))
                    .as(flag).containsExactlyInAnyOrderElementsOf(withFlag.get(flag));
            for (Element participant : list.document().select("[data-testid=flagged] tbody tr")) {
                String id = participant.attr("data-participant-id");
                Element name = participant.selectFirst("a");
                assertThat(name.attr("href")).isEqualTo("/participants/" + id);
                assertThat(name.text()).isEqualTo(names.get(id));
                assertThat(participant.select(".nhsuk-tag").eachText()).as("its flags").isNotEmpty();
            }
        }
        Page noContact = manager.get("/service/flags/no-contact-14-days");
        assertThat(noContact.h1()).isEqualTo("No contact for 14 days");
        Element ours = noContact.document().selectFirst("[data-testid=flagged] tr[data-participant-id=" + flagged + "]");
        assertThat(ours.text()).contains("Flaggeta Servicewright").contains("lw-1");
        Page participant = manager.get(ours.selectFirst("a").attr("href"));
        assertThat(participant.status()).isEqualTo(200);
        assertThat(participant.h1()).isEqualTo("Flaggeta Servicewright");
    }

    @Test
    void theServicePageReadsNoOnesPersonalDataAndAFlagsListLogsTheReadsOfThoseItNames() {
        Api api = api();
        String flagged = enrolledOfLinkWorkerOne(api, "Unread", "Countedton").get("participantId");
        awaitProjections(api);
        PageClient manager = signedIn("manager");
        long before = readsLogged(api, flagged);

        assertThat(manager.get("/service").status()).isEqualTo(200);
        assertThat(readsLogged(api, flagged)).as("counted, not read").isEqualTo(before);

        Page list = manager.get("/service/flags/no-contact-14-days");
        assertThat(list.document().select("[data-testid=flagged] tr[data-participant-id=" + flagged + "]").text())
                .contains("Unread Countedton");
        assertThat(readsLogged(api, flagged)).isEqualTo(before + 1);
    }

    private static long readsLogged(Api api, String subject) {
        return Long.parseLong(api.as("auditor").get("/api/audit/personal-data-reads?size=1&subjectId=" + subject)
                .header("X-Total-Count"));
    }

    @Test
    void anUnknownFlagIsAPageNotFound() {
        Page unknown = signedIn("manager").get("/service/flags/no-such-flag");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.h1()).isEqualTo("Page not found");
    }

    @Test
    void everyOtherRoleIsRefusedTheServicePagesAndHasNoMenuItemForThem() {
        refused(port, List.of("coordinator", "linkworker", "analyst", "auditor", "dpo"), "Service",
                List.of("/service", "/service/flags/no-contact-14-days"));
    }

    /**
     * Each of these users, signed in, has no menu item of that name and is refused each path with
     * the page saying so; answers each one's client, signed in.
     */
    static Map<String, PageClient> refused(int port, List<String> users, String menuItem, List<String> paths) {
        Map<String, PageClient> clients = new LinkedHashMap<>();
        for (String user : users) {
            PageClient client = new PageClient(port);
            Page first = client.signIn(user, Api.PASSWORD);
            assertThat(first.document().select("a.nhsuk-header__navigation-link").eachText()).as(user)
                    .doesNotContain(menuItem);
            for (String path : paths) {
                Page refused = client.get(path);
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.h1()).isEqualTo("You cannot see this page");
            }
            clients.put(user, client);
        }
        return clients;
    }

    private static String text(Page page, String testId) {
        Element element = page.document().selectFirst("[data-testid=" + testId + "]");
        assertThat(element).as(testId).isNotNull();
        return element.text();
    }

    /** A referral received {@code daysAgo}, not triaged: it waits in the queue. */
    private static String referralReceived(Api api, int daysAgo) {
        Response received = api.as("coordinator").post("/api/referrals", Map.of("source", "GP", "channel", "EMAIL",
                "receivedOn", LocalDate.now().minusDays(daysAgo).toString(),
                "youngPerson", Map.of("firstName", "Queuey", "lastName", "Waitsworth",
                        "dateOfBirth", LocalDate.now().minusYears(14).toString()),
                "reasons", List.of("ANXIETY"), "needs", List.of("ANXIETY"), "consentGivenBy", "YOUNG_PERSON"));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        return received.text("referralId");
    }
}
