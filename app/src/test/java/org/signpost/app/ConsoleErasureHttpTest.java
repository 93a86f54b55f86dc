package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.platform.testing.Api;

/**
 * The data protection officer's erasure in the console: find the young person, read what the
 * erasure will do, confirm it by typing the referral's reference (a wrong one erases nothing),
 * then the result; afterwards no page shows their personal data, the API's participant is erased,
 * and the erasure log has it. Nobody else reaches these pages.
 */
class ConsoleErasureHttpTest extends AllInOneTest {

    private static final String REASON = "Erasure request DPO-2026-117 upheld";

    /** The surname and date of birth the data protection officer finds them by. */
    private static Page found(PageClient dpo, String surname) {
        LocalDate born = LocalDate.now().minusYears(15);
        Page find = dpo.open("/find");
        return dpo.submit(find, "form[data-testid=by-name]", Map.of("surname", surname,
                "dateOfBirth-day", String.valueOf(born.getDayOfMonth()),
                "dateOfBirth-month", String.valueOf(born.getMonthValue()),
                "dateOfBirth-year", String.valueOf(born.getYear())));
    }

    @Test
    void theDpoSeesWhatAnErasureWillDoAndErasesOnlyWithTheReferenceTypedAgain() {
        Map<String, String> ids = enrolledOfLinkWorkerOne(api(), "Erasmina", "Forgetsworth");
        String referralId = ids.get("referralId");
        String participantId = ids.get("participantId");
        PageClient dpo = new PageClient(port);
        Page landing = dpo.signIn("dpo", Api.PASSWORD);
        assertThat(landing.raw().uri().getPath()).isEqualTo("/find");
        assertThat(landing.document().select("a.nhsuk-header__navigation-link").eachText())
                .containsExactly("Find a young person", "Erasure log");

        Page matches = found(dpo, "Forgetsworth");
        Element link = matches.document().selectFirst("[data-testid=matches] a[data-testid=to-erasure]");
        assertThat(link.attr("href")).isEqualTo("/erasure/referrals/" + referralId);
        assertThat(link.text()).startsWith("Erasmina Forgetsworth");

        Page erasure = dpo.open(link.attr("href"));
        assertThat(erasure.status()).isEqualTo(200);
        assertThat(erasure.h1()).isEqualTo("Erase a young person's personal data");
        assertThat(erasure.document().select("[data-testid=person]").text()).contains("Erasmina Forgetsworth");
        assertThat(erasure.document().select("[data-testid=referral-reference]").text()).isEqualTo(referralId);
        assertThat(erasure.document().select("[data-testid=participant-reference]").text()).isEqualTo(participantId);
        assertThat(erasure.text()).contains("What the erasure will do", "keys are destroyed",
                "every read model, every history", "What stays", "every evaluation figure, unchanged",
                "cannot be undone");

        Page wrong = dpo.submit(erasure, "form[data-testid=erase]", Map.of("reason", REASON,
                "confirm", UUID.randomUUID().toString()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.document().select(".nhsuk-error-summary a").eachAttr("href")).containsExactly("#confirm");
        assertThat(wrong.document().select("#confirm-error").text()).contains("nothing has been erased");
        assertThat(wrong.document().select("#reason").val()).isEqualTo(REASON);
        Page blank = dpo.submit(erasure, "form[data-testid=erase]", Map.of("reason", " ", "confirm", "yes"));
        assertThat(blank.document().select(".nhsuk-error-summary a").eachAttr("href"))
                .containsExactly("#reason", "#confirm");
        assertThat(api().as("coordinator").get("/api/participants/" + participantId).json().path("name").asText())
                .as("nothing erased").isEqualTo("Erasmina Forgetsworth");

        Page erased = dpo.submit(erasure, "form[data-testid=erase]", Map.of("reason", REASON,
                "confirm", " " + referralId.toUpperCase() + " "));
        assertThat(erased.status()).isEqualTo(302);
        assertThat(erased.location()).isEqualTo("/erasure/referrals/" + referralId + "/done");
        Page result = dpo.open(erased.location());
        assertThat(result.h1()).isEqualTo("Personal data erased");
        assertThat(result.document().select("[data-testid=referral-reference]").text()).isEqualTo(referralId);
        assertThat(result.document().select("[data-testid=participant-reference]").text()).isEqualTo(participantId);
        assertThat(dpo.get(erased.location()).location()).as("shown once").isEqualTo("/erasures");

        await().atMost(Duration.ofSeconds(30)).until(() -> api().as("coordinator")
                .get("/api/participants/" + participantId).json().path("name").isNull());
        JsonNode participant = api().as("coordinator").get("/api/participants/" + participantId).json();
        assertThat(participant.path("dateOfBirth").isNull()).isTrue();
        PageClient coordinator = new PageClient(port);
        coordinator.signIn("coordinator", Api.PASSWORD);
        Page page = coordinator.open("/participants/" + participantId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Personal data erased");
        assertThat(page.document().title()).doesNotContain("null");
        assertThat(page.document().select("[data-testid=summary]").text()).contains("Date of birth Erased");
        assertThat(page.text()).doesNotContain("Erasmina", "Forgetsworth", "07700 900321", "AN1 5LY",
                "Referrer Rosalind", "Analyst-notes-77");
        // On their link worker's caseload (the coordinator's view of it) the link says the name is erased, not nothing.
        Page caseload = coordinator.open("/caseloads/lw-1");
        assertThat(caseload.document().select("a[href='/participants/" + participantId + "']").text())
                .isEqualTo("Personal data erased");

        awaitProjections(api());
        assertThat(found(dpo, "Forgetsworth").document().select("#matches").text()).isEqualTo("No one found");
        for (String user : List.of("dpo", "auditor")) {
            Element line = erasureLogLine(user, referralId);
            assertThat(line.select("[data-testid=reason]").text()).as(user).isEqualTo(REASON);
            assertThat(line.text()).as(user).contains(participantId, "dpo (Data protection officer)");
        }
        assertThat(erasureLogLine("dpo", referralId).select("a")).as("the DPO reads no history").isEmpty();
        assertThat(erasureLogLine("auditor", referralId).select("a").eachAttr("href"))
                .containsExactly("/audit/referrals/" + referralId, "/audit/participants/" + participantId);

        PageClient auditor = new PageClient(port);
        auditor.signIn("auditor", Api.PASSWORD);
        Page history = auditor.open("/audit/referrals/" + referralId);
        assertThat(history.document().select("[data-testid=erased]").text()).contains("erased on",
                "dpo (Data protection officer)");
        Element received = history.document().selectFirst("[data-testid=timeline] > li[data-type=ReferralReceived]");
        assertThat(received.select("[data-testid=erased-value]").eachText()).hasSize(3).containsOnly("Erased");
        assertThat(received.select("code").text()).contains("\"erased\" : true").doesNotContain("Erasmina");
        assertThat(history.text()).doesNotContain("Erasmina", "Forgetsworth", "Analyst-notes-77");
        assertThat(auditor.open("/audit/participants/" + participantId).document().select("[data-testid=erased]"))
                .isNotEmpty();
    }

    /** The line of the erasure log about one referral, on the page of the log where it is. */
    private Element erasureLogLine(String user, String referralId) {
        JsonNode log = api().as(user).get("/api/erasures?size=1000").json();
        int index = 0;
        while (!log.get(index).path("referralId").asText().equals(referralId)) {
            index++;
        }
        PageClient client = new PageClient(port);
        client.signIn(user, Api.PASSWORD);
        Page page = client.open("/erasures?page=" + (index / 50 + 1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("[data-testid=found]").text()).startsWith(log.size() + " erasures found");
        return page.document().selectFirst("[data-testid=erasures] tr[data-referral-id=" + referralId + "]");
    }

    @Test
    void nobodyButTheDpoReachesAnErasureAndNobodyButTheDpoAndAuditorsTheLog() {
        Map<String, String> ids = enrolledOfLinkWorkerOne(api(), "Keepina", "Untouchable");
        String referralId = ids.get("referralId");
        for (String user : List.of("coordinator", "manager", "linkworker", "analyst", "auditor")) {
            PageClient client = new PageClient(port);
            Page landing = client.signIn(user, Api.PASSWORD);
            assertThat(client.get("/erasure/referrals/" + referralId).status()).as(user).isEqualTo(403);
            String csrf = landing.fields("form[action='/sign-out']").get("_csrf");
            Page refused = client.post("/erasure/referrals/" + referralId, Map.of("_csrf", csrf, "reason", REASON,
                    "confirm", referralId));
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.h1()).isEqualTo("You cannot see this page");
        }
        PageClient dpo = new PageClient(port);
        Page landing = dpo.signIn("dpo", Api.PASSWORD);
        Page withoutToken = dpo.post("/erasure/referrals/" + referralId, Map.of("reason", REASON, "confirm", referralId));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(dpo.get("/erasures").status()).isEqualTo(200);
        assertThat(landing.status()).isEqualTo(200);
        assertThat(api().as("coordinator").get("/api/participants/" + ids.get("participantId")).json().path("name")
                .asText()).as("nothing erased").isEqualTo("Keepina Untouchable");
    }

    @Test
    void aReferenceTheDpoDidNotFindIsShownAsAReferenceAndAnUnknownOneErasesNothing() {
        PageClient dpo = new PageClient(port);
        dpo.signIn("dpo", Api.PASSWORD);
        String unknown = UUID.randomUUID().toString();
        Page erasure = dpo.open("/erasure/referrals/" + unknown);
        assertThat(erasure.status()).isEqualTo(200);
        assertThat(erasure.document().select("[data-testid=referral-reference]").text()).isEqualTo(unknown);
        assertThat(erasure.text()).contains("find the young person");
        Page notFound = dpo.submit(erasure, "form[data-testid=erase]", Map.of("reason", REASON, "confirm", unknown));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.h1()).isEqualTo("Page not found");
        assertThat(dpo.get("/erasure/referrals/not-a-reference").status()).isEqualTo(404);
    }
}
