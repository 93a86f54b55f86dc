package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff console's pages over real HTTP, parsed as a browser would: sign-in and out, what
 * each role is shown and refused, error pages, and that the console acts through the API as the
 * signed-in person (their refusals, their read log).
 */
class ConsolePagesHttpTest extends AllInOneTest {

    private PageClient pages() {
        return new PageClient(port);
    }

    @Test
    void anyoneNotSignedInIsSentToTheSignInPageWhichHasACsrfToken() {
        Page home = pages().get("/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).isEqualTo("/sign-in");
        Page signIn = pages().open("/caseload");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.h1()).isEqualTo("Sign in to Signpost");
        assertThat(signIn.fields("form[action='/sign-in']")).containsKey("_csrf");
        assertThat(signIn.header("Content-Security-Policy")).contains("default-src 'self'").doesNotContain("unsafe");
        assertThat(signIn.document().select("link[rel=stylesheet]").eachAttr("href"))
                .allMatch(href -> href.startsWith("/"));
    }

    @Test
    void theStylesheetAndScriptsAreServedByTheServiceItself() {
        PageClient client = pages();
        for (String asset : List.of("/console-assets/nhsuk/nhsuk-frontend.min.css", "/console-assets/nhsuk/nhsuk-frontend.min.js",
                "/console-assets/htmx/htmx.min.js", "/console-assets/console.js", "/assets/images/favicon.svg")) {
            Page answer = client.get(asset);
            assertThat(answer.status()).as(asset).isEqualTo(200);
            assertThat(answer.raw().body()).as(asset).hasSizeGreaterThan(100);
        }
    }

    @Test
    void aWrongPasswordIsSaidOnTheSignInPageAndSignsNobodyIn() {
        // From an address of its own (behind a proxy of this machine), as a name no other test uses: the failure
        // slows only them.
        PageClient client = new PageClient(port, "198.51.100.21");
        Page refused = client.signIn("no-such-user", "not-the-password");
        assertThat(refused.h1()).isEqualTo("Sign in to Signpost");
        assertThat(refused.document().select(".nhsuk-error-summary").text())
                .contains("The user name or password is not right");
        assertThat(client.get("/caseload").status()).isEqualTo(302);
    }

    /**
     * Every person's sign-in reaches the API from the console's own address: it must say whose it
     * is, or one person's guesses would lock everyone out of the console (test limits: an address
     * locks after 8 failures, a name after 3).
     */
    @Test
    void failedSignInsThroughTheConsoleLockThePersonsAddressNotTheConsoles() {
        PageClient guesser = new PageClient(port, "198.51.100.7");
        String said = "";
        for (int attempt = 0; attempt < 30 && !said.contains("Too many failed sign-ins"); attempt++) {
            said = guesser.signIn("guess-" + attempt, "not-the-password").document()
                    .select(".nhsuk-error-summary").text();
        }
        assertThat(said).contains("Too many failed sign-ins");
        Page colleague = new PageClient(port, "198.51.100.8").signIn("linkworker", Api.PASSWORD);
        assertThat(colleague.h1()).isEqualTo("My caseload");
    }

    /** Behind a TLS-terminating proxy of this machine, the session cookie is Secure; on plain HTTP it cannot be. */
    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindTls() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI signIn = URI.create("http://127.0.0.1:" + port + "/sign-in");
        String overTls = http.send(HttpRequest.newBuilder(signIn).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(overTls).startsWith("signpost-session=").contains("HttpOnly", "SameSite=Lax", "Secure");
        String plain = http.send(HttpRequest.newBuilder(signIn).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        Page refused = pages().post("/sign-in", Map.of("username", "linkworker", "password", Api.PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aLinkWorkerLandsOnTheirCaseloadWithFlagsAndSeesWhoIsSignedIn() {
        String participantId = enrolledOfLinkWorkerOne("Caseloada", "Pagewright");
        PageClient client = pages();
        Page caseload = client.signIn("linkworker", Api.PASSWORD);
        assertThat(caseload.raw().uri().getPath()).isEqualTo("/caseload");
        assertThat(caseload.h1()).isEqualTo("My caseload");
        assertThat(caseload.document().select("[data-testid=signed-in-as]").text()).isEqualTo("linkworker (Link worker)");
        var row = caseload.document().select("[data-testid=caseload] tbody tr").stream()
                .filter(tr -> tr.text().contains("Caseloada Pagewright")).findFirst().orElseThrow();
        assertThat(row.selectFirst("a").attr("href")).isEqualTo("/participants/" + participantId);
        // Enrolled 18 days ago without a session or contact since.
        assertThat(row.select(".nhsuk-tag").eachText()).contains("No contact for 14 days");
        assertThat(caseload.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aParticipantPageShowsTheSummaryAndTimelineAndIsLoggedAsARead() {
        String participantId = enrolledOfLinkWorkerOne("Timelina", "Readlogson");
        PageClient client = pages();
        client.signIn("linkworker", Api.PASSWORD);
        Page participant = client.get("/participants/" + participantId);
        assertThat(participant.status()).isEqualTo(200);
        assertThat(participant.h1()).isEqualTo("Timelina Readlogson");
        assertThat(participant.document().select("[data-testid=summary]").text()).contains("lw-1");
        assertThat(participant.document().select("[data-testid=timeline] h3").eachText())
                .anyMatch(what -> what.startsWith("Assigned to a link worker"))
                .anyMatch(what -> what.startsWith("Referral received"));
        Response reads = api().as("auditor").get("/api/audit/personal-data-reads?subjectId=" + participantId);
        assertThat(reads.status()).as(reads.body()).isEqualTo(200);
        assertThat(reads.body()).contains("linkworker");
    }

    /**
     * The caseload may have a new participant before the audit trail has their history (each read
     * model applies events on its own): the page opens on what is known, not as "Page not found".
     */
    @Test
    void aParticipantPageOpensBeforeTheAuditTrailHasTheirHistory() {
        EventProcessor auditTrail = processing.eventProcessor("audit-trail").orElseThrow();
        auditTrail.shutDown();
        try {
            Api api = api();
            Response received = api.as("coordinator").post("/api/referrals", Requests.referral("Earlia", "Beforetrail", 15));
            assertThat(received.status()).as(received.body()).isEqualTo(201);
            String referralId = received.text("referralId");
            assertThat(api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                    Map.of("outcome", "ACCEPTED", "triagedOn", LocalDate.now().toString())).status()).isEqualTo(200);
            Response assigned = api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                    Map.of("linkWorkerId", "lw-1", "assignedOn", LocalDate.now().toString()));
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
            String participantId = assigned.text("participantId");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.as("linkworker").get("/api/participants/" + participantId).status() == 200);
            assertThat(api.as("linkworker").get("/api/participants/" + participantId + "/history").status())
                    .as("the audit trail has not got them yet").isEqualTo(404);

            PageClient client = pages();
            client.signIn("linkworker", Api.PASSWORD);
            Page participant = client.get("/participants/" + participantId);

            assertThat(participant.status()).isEqualTo(200);
            assertThat(participant.h1()).isEqualTo("Earlia Beforetrail");
        } finally {
            auditTrail.start();
        }
        awaitProjections(api());
    }

    @Test
    void anotherLinkWorkersParticipantIsAPageNotFound() {
        String participantId = enrolledOfLinkWorkerOne("Notyours", "Hiddenberg");
        PageClient client = pages();
        client.signIn("linkworker2", Api.PASSWORD);
        Page hidden = client.get("/participants/" + participantId);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.h1()).isEqualTo("Page not found");
        assertThat(hidden.text()).doesNotContain("Hiddenberg");
        assertThat(client.get("/participants/not-an-id").status()).isEqualTo(404);
        assertThat(client.get("/no/such/page").h1()).isEqualTo("Page not found");
        assertThat(client.get("/no/such/page").status()).isEqualTo(404);
    }

    @Test
    void aPageOfAnotherRoleIsRefusedWithAPage() {
        PageClient client = pages();
        client.signIn("coordinator", Api.PASSWORD);
        Page refused = client.get("/caseload");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.h1()).isEqualTo("You cannot see this page");
        PageClient analyst = pages();
        Page home = analyst.signIn("analyst", Api.PASSWORD);
        assertThat(home.status()).isEqualTo(200);
        assertThat(analyst.get("/participants/" + UUID.randomUUID()).status()).isEqualTo(403);
        assertThat(analyst.get("/inbox").status()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSessionAndAnExpiredSessionIsToldSo() {
        PageClient client = pages();
        Page caseload = client.signIn("linkworker", Api.PASSWORD);
        String session = client.sessionCookie();
        assertThat(session).isNotNull();
        Page signedOut = client.submit(caseload, "form[action='/sign-out']", Map.of());
        assertThat(signedOut.location()).isEqualTo("/sign-in?signed-out");
        assertThat(client.get("/caseload").status()).isEqualTo(302);
        // The browser still holds the old session's cookie: the server no longer has that session.
        client.useSessionCookie(session);
        Page expired = client.get("/caseload");
        assertThat(expired.location()).isEqualTo("/sign-in?expired");
        assertThat(client.open("/sign-in?expired").text()).contains("Your session ended");
    }

    @Test
    void aPageSaysWhenItsSessionEndsAndTheSessionCanBeKeptAlive() {
        PageClient client = pages();
        Page caseload = client.signIn("linkworker", Api.PASSWORD);
        // SIGNPOST_CONSOLE_SESSION_TIMEOUT's default: the page's script warns two minutes before.
        assertThat(caseload.document().body().attr("data-session-seconds")).isEqualTo("1800");
        assertThat(caseload.document().select("#session-warning[hidden] #session-keep-alive").text())
                .isEqualTo("Stay signed in");
        Page kept = client.get("/session/keep-alive");
        assertThat(kept.status()).isEqualTo(204);
        assertThat(kept.header("Cache-Control")).contains("no-store");
        assertThat(pages().get("/session/keep-alive").status()).isEqualTo(302);
        assertThat(pages().open("/sign-in").document().body().hasAttr("data-session-seconds")).isFalse();
    }

    @Test
    void theServicesOwnPathsKeepTheirRules() {
        Response unknown = api().as("coordinator").get("/api/no-such-path");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(api().anonymous().get("/api/caseloads").status()).isEqualTo(401);
        Response refusedPage = api().anonymous().get("/actuator/health");
        assertThat(refusedPage.status()).isEqualTo(200);
        assertThat(refusedPage.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    private String enrolledOfLinkWorkerOne(String firstName, String lastName) {
        return enrolledOfLinkWorkerOne(api(), firstName, lastName).get("participantId");
    }
}
