package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.ReplayGate;

/**
 * The "Read models" page of analysts and managers over real HTTP: every projection with the
 * API's figures; a replay asked for with the page's form, its progress in the page and in the
 * part htmx asks for every second, then its end said (and the asking stopped), while other pages
 * answer; a retry of dead letters; a form without its CSRF token refused; other roles refused.
 * A {@link ReplayGate} holds the replay at two moments so that each can be seen on a small store.
 */
class ConsoleReadModelsHttpTest extends AllInOneTest {

    private static final List<String> PROJECTIONS = List.of("referrals", "caseload", "audit-trail",
            "evaluation-metrics");

    private PageClient signedIn(String user) {
        return PageClient.signedIn(port, user);
    }

    @Test
    void analystsAndManagersSeeEveryReadModelWithTheApisFigures() {
        awaitProjections(api());
        for (String user : List.of("analyst", "manager")) {
            PageClient client = signedIn(user);
            Page page = client.get("/read-models");
            JsonNode projections = api().as(user).get("/api/projections").json();
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.h1()).isEqualTo("Read models");
            assertThat(page.document().select(".nhsuk-header__navigation-link[aria-current=page]").text())
                    .isEqualTo("Read models");
            assertThat(page.document().select("[data-testid=read-models] tbody tr").eachAttr("data-read-model"))
                    .containsExactlyElementsOf(PROJECTIONS);
            for (JsonNode projection : projections) {
                Element row = page.document().selectFirst("tr[data-read-model=" + projection.path("name").asText() + "]");
                assertThat(figure(row, "position")).isEqualTo(projection.path("position").asLong());
                assertThat(figure(row, "head")).isEqualTo(projection.path("headPosition").asLong());
                assertThat(figure(row, "lag")).isEqualTo(projection.path("lag").asLong());
                assertThat(figure(row, "dead-letters")).isEqualTo(projection.path("deadLetters").asLong());
                assertThat(row.selectFirst("[data-testid=status]").text()).isEqualTo("Running");
                assertThat(page.fields("form[data-testid=replay-" + projection.path("name").asText() + "]"))
                        .containsKeys("_csrf", "reason");
            }
            Element status = page.document().selectFirst("#read-models-status");
            assertThat(status.hasAttr("hx-trigger")).as("no replay runs, so nothing is asked for again").isFalse();
            assertThat(page.document().select("[data-testid=refresh]")).isEmpty();
        }
    }

    @Test
    void aReplayFromTheFormShowsItsProgressThenItsEndWhileOtherPagesAnswer() throws Exception {
        awaitProjections(api());
        PageClient manager = signedIn("manager");
        PageClient coordinator = signedIn("coordinator");
        try (ReplayGate gate = ReplayGate.hold(superuser().getDataSource(), "caseload", "participant_view")) {
            Page page = manager.get("/read-models");
            Page sent = manager.submit(page, "form[data-testid=replay-caseload]", Map.of("reason", "Console test"));
            assertThat(sent.status()).isEqualTo(302);
            assertThat(sent.location()).isEqualTo("/read-models");
            Page started = manager.get(sent.location());
            assertThat(started.document().select(".nhsuk-notification-banner__heading").text())
                    .isEqualTo("Replay of caseload started");
            assertThat(started.document().selectFirst("tr[data-read-model=caseload] [data-testid=status]").text())
                    .isEqualTo("Replaying");
            Element status = started.document().selectFirst("#read-models-status");
            assertThat(status.attr("hx-get")).isEqualTo("/read-models/status?was=caseload");
            assertThat(status.attr("hx-trigger")).isEqualTo("every 1s");
            assertThat(status.attr("hx-swap")).isEqualTo("outerHTML");
            assertThat(started.document().selectFirst("[data-testid=refresh] a").attr("href"))
                    .isEqualTo("/read-models?was=caseload");

            // Held before it reads the store: none read yet, of the head the API gives.
            Page before = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> manager.get("/read-models/status?was=caseload"),
                            part -> part.document().selectFirst("[data-replay=caseload] progress") != null);
            JsonNode replay = caseload(api()).path("replay");
            Element progress = before.document().selectFirst("[data-replay=caseload] progress");
            assertThat(progress.attr("value")).isEqualTo("0");
            assertThat(progress.attr("max")).isEqualTo(replay.path("eventsToDo").asText());
            assertThat(before.document().selectFirst("[data-replay=caseload] [data-testid=events-done]").text())
                    .isEqualTo("0");
            Page caseloads = coordinator.get("/caseloads");
            assertThat(caseloads.status()).as("another page answers meanwhile").isEqualTo(200);
            assertThat(caseloads.h1()).isEqualTo("Caseloads");

            // Then held before it writes: the events it has read, rising.
            gate.openStart();
            Page reading = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> manager.get("/read-models/status?was=caseload"), part -> {
                        Element bar = part.document().selectFirst("[data-replay=caseload] progress");
                        return bar != null && Long.parseLong(bar.attr("value")) > 0;
                    });
            Element bar = reading.document().selectFirst("[data-replay=caseload] progress");
            assertThat(Long.parseLong(bar.attr("value"))).isLessThanOrEqualTo(Long.parseLong(bar.attr("max")));
            assertThat(reading.document().selectFirst("[data-replay=caseload] [data-testid=events-per-second]").text())
                    .isNotEqualTo("0");
            assertThat(reading.document().selectFirst("#read-models-status").attr("hx-trigger")).isEqualTo("every 1s");
            assertThat(coordinator.get("/inbox").status()).as("another page answers meanwhile").isEqualTo(200);

            gate.openWrite();
            Page ended = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> manager.get("/read-models/status?was=caseload"),
                            part -> part.document().selectFirst("[data-replay=caseload]") == null);
            assertThat(ended.document().select("[data-ended=caseload]").text())
                    .contains("The replay of caseload is complete");
            assertThat(ended.document().selectFirst("#read-models-status").hasAttr("hx-trigger"))
                    .as("the asking stops").isFalse();
            assertThat(ended.document().selectFirst("tr[data-read-model=caseload] [data-testid=status]").text())
                    .isEqualTo("Running");
            // Without JavaScript, the refresh link's page says the same.
            assertThat(manager.get("/read-models?was=caseload").document().select("[data-ended=caseload]").text())
                    .contains("The replay of caseload is complete");
        }
        awaitProjections(api());
        assertThat(caseload(api()).has("replay")).isFalse();
    }

    @Test
    void aFailedReplaySaysWhyAndTheNextOneCompletes() {
        awaitProjections(api());
        PageClient manager = signedIn("manager");
        // The database refuses the replay's first rebuilt table of the caseload (an event trigger of the test).
        superuser().execute("""
                CREATE OR REPLACE FUNCTION console_replay_refused() RETURNS event_trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands()
                               WHERE object_type = 'table' AND object_identity ~ '[.]participant_view_g[0-9]+$') THEN
                        RAISE EXCEPTION 'refused by ConsoleReadModelsHttpTest';
                    END IF;
                END $$""");
        superuser().execute("CREATE EVENT TRIGGER console_replay_refused ON ddl_command_end WHEN TAG IN ('CREATE TABLE')"
                + " EXECUTE FUNCTION console_replay_refused()");
        try {
            Page page = manager.get("/read-models");
            assertThat(manager.submit(page, "form[data-testid=replay-caseload]", Map.of()).status()).isEqualTo(302);
            Page failed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> manager.get("/read-models/status?was=caseload"),
                            part -> !part.document().select("[data-ended=caseload]").isEmpty());
            String reason = caseload(api()).path("replayFailure").asText();
            assertThat(reason).isNotBlank();
            assertThat(failed.document().select("[data-ended=caseload]").text())
                    .contains("The replay of caseload failed").contains(reason);
            Element row = manager.get("/read-models").document().selectFirst("tr[data-read-model=caseload]");
            assertThat(row.selectFirst("[data-testid=status]").text()).startsWith("Replay failed");
            assertThat(row.selectFirst("[data-testid=failure]").text()).isEqualTo(reason);
            assertThat(manager.get("/caseloads").status()).as("the old read model answers").isEqualTo(200);
        } finally {
            superuser().execute("DROP EVENT TRIGGER IF EXISTS console_replay_refused");
            superuser().execute("DROP FUNCTION IF EXISTS console_replay_refused()");
        }
        Page page = manager.get("/read-models");
        assertThat(manager.submit(page, "form[data-testid=replay-caseload]", Map.of()).status()).isEqualTo(302);
        awaitProjections(api());
        Element row = manager.get("/read-models").document().selectFirst("tr[data-read-model=caseload]");
        assertThat(row.selectFirst("[data-testid=status]").text()).isEqualTo("Running");
        assertThat(row.select("[data-testid=failure]")).isEmpty();
    }

    @Test
    void aReasonTheApiRefusesIsSaidOnTheFormAndStartsNothing() {
        PageClient analyst = signedIn("analyst");
        Page page = analyst.get("/read-models");
        Page refused = analyst.submit(page, "form[data-testid=replay-referrals]", Map.of("reason", "r".repeat(501)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().title()).startsWith("Error: ");
        Element summary = refused.document().selectFirst(".nhsuk-error-summary a");
        assertThat(summary.attr("href")).isEqualTo("#referrals-reason");
        assertThat(summary.text()).startsWith("Reason");
        assertThat(refused.document().selectFirst("#referrals-reason").val()).isEqualTo("r".repeat(501));
        assertThat(refused.document().select("#referrals-reason-error").text()).isNotBlank();
        assertThat(projection(api(), "referrals").path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void deadLettersAreRetriedFromTheirForm() {
        Api api = api();
        awaitProjections(api);
        String correlation = "console-poison-" + UUID.randomUUID();
        superuser().execute("ALTER TABLE audit_event ADD CONSTRAINT console_poison_test CHECK (correlation_id <> '"
                + correlation + "')");
        PageClient analyst = signedIn("analyst");
        String referralId;
        try {
            Response received = api.as("coordinator").header("X-Correlation-Id", correlation).post("/api/referrals",
                    Map.of("source", "GP", "channel", "EMAIL", "receivedOn", LocalDate.now().toString(),
                            "youngPerson", Map.of("firstName", "Poisonia", "lastName", "Letterby",
                                    "dateOfBirth", LocalDate.now().minusYears(13).toString()),
                            "reasons", List.of("LONELINESS"), "needs", List.of("LONELINESS"),
                            "consentGivenBy", "YOUNG_PERSON"));
            assertThat(received.status()).as(received.body()).isEqualTo(201);
            referralId = received.text("referralId");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    projection(api, "audit-trail").path("deadLetters").asLong() > 0);

            Page page = analyst.get("/read-models");
            assertThat(figure(page.document().selectFirst("tr[data-read-model=audit-trail]"), "dead-letters"))
                    .isEqualTo(projection(api, "audit-trail").path("deadLetters").asLong());
            assertThat(page.document().select("form[data-testid=retry-caseload]")).as("none to retry").isEmpty();
            Page stillFailing = analyst.open(analyst.submit(page, "form[data-testid=retry-audit-trail]", Map.of())
                    .location());
            assertThat(stillFailing.document().select("[data-testid=still-failing]").text())
                    .contains("The dead letters of audit-trail still fail: 0 applied");
        } finally {
            superuser().execute("ALTER TABLE audit_event DROP CONSTRAINT IF EXISTS console_poison_test");
        }
        Page page = analyst.get("/read-models");
        Page sent = analyst.submit(page, "form[data-testid=retry-audit-trail]", Map.of());
        assertThat(sent.location()).isEqualTo("/read-models");
        Page retried = analyst.get(sent.location());
        assertThat(retried.document().select(".nhsuk-notification-banner__heading").text())
                .startsWith("Dead letters of audit-trail retried: ").endsWith(" applied, 0 left");
        assertThat(figure(retried.document().selectFirst("tr[data-read-model=audit-trail]"), "dead-letters")).isZero();
        assertThat(retried.document().select("form[data-testid=retry-audit-trail]")).isEmpty();
        assertThat(api.as("auditor").get("/api/audit/events?aggregateId=" + referralId).body())
                .as("the dead letter applied").contains(correlation);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndStartsNothing() {
        PageClient manager = signedIn("manager");
        for (String path : List.of("/read-models/referrals/replay", "/read-models/audit-trail/dead-letters/retry")) {
            Page refused = manager.post(path, Map.of("reason", "no token"));
            assertThat(refused.status()).as(path).isEqualTo(403);
        }
        assertThat(projection(api(), "referrals").path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void anUnknownReadModelIsAPageNotFound() {
        PageClient manager = signedIn("manager");
        Page page = manager.get("/read-models");
        Map<String, String> token = Map.of("_csrf", page.fields("form[data-testid=replay-referrals]").get("_csrf"));
        Page unknown = manager.post("/read-models/no-such/replay", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.h1()).isEqualTo("Page not found");
    }

    @Test
    void everyOtherRoleIsRefusedTheReadModelsPages() {
        ConsoleServiceHttpTest.refused(port, List.of("coordinator", "linkworker", "auditor", "dpo"), "Read models",
                List.of("/read-models", "/read-models/status")).forEach((user, client) -> {
            Map<String, String> token = Map.of("_csrf", client.open("/").document().selectFirst(
                    "form[action='/sign-out'] input[name=_csrf]").val());
            assertThat(client.post("/read-models/referrals/replay", token).status()).as(user).isEqualTo(403);
            assertThat(client.post("/read-models/audit-trail/dead-letters/retry", token).status()).as(user)
                    .isEqualTo(403);
        });
        assertThat(projection(api(), "referrals").path("status").asText()).isEqualTo("RUNNING");
    }

    private static long figure(Element row, String testId) {
        return Long.parseLong(row.selectFirst("[data-testid=" + testId + "]").text().replace(",", ""));
    }

    private static JsonNode caseload(Api api) {
        return projection(api, "caseload");
    }

    private static JsonNode projection(Api api, String name) {
        List<String> names = new ArrayList<>();
        for (JsonNode projection : api.as("manager").get("/api/projections").json()) {
            if (projection.path("name").asText().equals(name)) {
                return projection;
            }
            names.add(projection.path("name").asText());
        }
        throw new AssertionError("No projection " + name + " among " + names);
    }
}
