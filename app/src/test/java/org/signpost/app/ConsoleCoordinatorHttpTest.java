package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * The coordinator's and manager's pages of the staff console over real HTTP: the referral inbox,
 * the referral form (refused field by field by the API, nothing stored until valid), and the
 * referral page's actions (triage with an override, assignment against capacity, a change of link
 * worker, a manager's extension, withdrawal), each sent with the version the page showed.
 */
class ConsoleCoordinatorHttpTest extends AllInOneTest {

    private static final String TRIAGE = "form[data-testid=triage]";
    private static final String WITHDRAWAL = "form[data-testid=withdrawal]";

    private PageClient signedIn(String user) {
        PageClient client = new PageClient(port);
        client.signIn(user, Api.PASSWORD);
        return client;
    }

    @Test
    void theInboxShowsANewReferralWithItsFailedCriteriaAndFiltersBySource() {
        // Nine years old and neither anxious nor lonely: fails both criteria.
        String referralId = referral("SCHOOL", LocalDate.now().minusYears(9), List.of("OTHER"), "Inboxia", "Tagsworth");
        await().atMost(Duration.ofSeconds(30)).until(() -> api().as("coordinator").get("/api/triage-queue").body()
                .contains(referralId));
        PageClient client = signedIn("coordinator");
        Page inbox = client.get("/inbox");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.h1()).isEqualTo("Referral inbox");
        Element row = inbox.document().selectFirst("[data-testid=inbox] tr[data-referral-id=" + referralId + "]");
        assertThat(row).isNotNull();
        assertThat(row.select(".nhsuk-tag").eachText()).containsExactly("Not aged 11 to 18", "No anxiety or loneliness");
        assertThat(row.selectFirst("a").attr("href")).isEqualTo("/referrals/" + referralId);
        assertThat(row.text()).contains("School").contains("3"); // received 3 days ago
        assertThat(inbox.text()).doesNotContain("Tagsworth"); // the queue holds no names

        // A GET form (no script needed): the browser puts its select in the address.
        Element filter = inbox.document().selectFirst("form[data-testid=filter]");
        assertThat(filter.attr("method")).isEqualTo("get");
        assertThat(filter.attr("action")).isEqualTo("/inbox");
        assertThat(filter.select("select[name=source] option").eachAttr("value")).contains("", "GP", "SCHOOL");
        Page onlySchools = client.get("/inbox?source=SCHOOL");
        assertThat(onlySchools.document().select("[data-testid=inbox] tbody tr").eachAttr("data-referral-id"))
                .contains(referralId);
        assertThat(onlySchools.document().select("[data-testid=inbox] tbody td:eq(2)").eachText()).containsOnly("School");
        assertThat(onlySchools.document().selectFirst("#source option[selected]").val()).isEqualTo("SCHOOL");
        Page onlyGps = client.get("/inbox?source=GP");
        assertThat(onlyGps.document().select("tr[data-referral-id=" + referralId + "]")).isEmpty();
    }

    @Test
    void theReferralFormIsRefusedFieldByFieldKeepingWhatWasTypedAndStoringNothingThenAccepted() {
        PageClient client = signedIn("coordinator");
        Page form = client.get("/referrals/new");
        assertThat(form.status()).isEqualTo(200);
        String referralId = form.fields("form[data-testid=new-referral]").get("referralId");
        awaitProjections(api());
        int waiting = api().as("coordinator").get("/api/triage-queue").json().size();

        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("source", "SCHOOL");
        typed.put("receivedOn-day", "31");
        typed.put("receivedOn-month", "2");
        typed.put("receivedOn-year", "2026");
        typed.put("youngPerson.firstName", "Formtyped");
        typed.put("youngPerson.dateOfBirth-day", "ab");
        typed.put("youngPerson.dateOfBirth-month", "cd");
        typed.put("youngPerson.dateOfBirth-year", "2012");
        typed.put("youngPerson.postcode", "not a postcode");
        typed.put("referrer.email", "not-an-email");
        typed.put("needs", "ANXIETY");
        typed.put("notes", "Typed notes kept");
        Page refused = client.submit(form, "form[data-testid=new-referral]", typed);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().title()).startsWith("Error:");
        Map<String, String> summary = new LinkedHashMap<>();
        refused.document().select(".nhsuk-error-summary a").forEach(a -> summary.put(a.attr("href"), a.text()));
        assertThat(summary).containsKeys("#channel", "#receivedOn-day", "#youngPerson-lastName",
                "#youngPerson-dateOfBirth-day", "#youngPerson-postcode", "#referrer-email", "#reasons", "#consentGivenBy");
        assertThat(summary.get("#receivedOn-day")).isEqualTo("Date received must be a real date");
        assertThat(summary.get("#youngPerson-lastName")).isEqualTo("Enter last name");
        assertThat(summary.get("#reasons")).isEqualTo("Select at least one reason for referral");
        assertThat(summary.get("#youngPerson-postcode")).isEqualTo("Postcode must be a UK postcode");
        // Each refused field says so itself, and every link of the summary leads to an input.
        assertThat(refused.document().selectFirst("#receivedOn-error").text()).contains("must be a real date");
        assertThat(refused.document().selectFirst("#youngPerson-dateOfBirth-error").text()).contains("Date of birth");
        summary.keySet().forEach(anchor -> assertThat(refused.document().select(anchor)).as(anchor).isNotEmpty());
        // What was typed is still there.
        Map<String, String> kept = refused.fields("form[data-testid=new-referral]");
        assertThat(kept).containsEntry("youngPerson.firstName", "Formtyped").containsEntry("receivedOn-day", "31")
                .containsEntry("youngPerson.dateOfBirth-day", "ab").containsEntry("source", "SCHOOL")
                .containsEntry("needs", "ANXIETY").containsEntry("notes", "Typed notes kept")
                .containsEntry("referralId", referralId);
        // Nothing stored.
        awaitProjections(api());
        assertThat(api().as("coordinator").get("/api/triage-queue").json().size()).isEqualTo(waiting);
        assertThat(api().as("coordinator").get("/api/referrals/" + referralId).status()).isEqualTo(404);

        Map<String, String> corrected = new LinkedHashMap<>();
        corrected.put("channel", "EMAIL");
        corrected.put("receivedOn-month", String.valueOf(LocalDate.now().minusDays(1).getMonthValue()));
        corrected.put("receivedOn-day", String.valueOf(LocalDate.now().minusDays(1).getDayOfMonth()));
        corrected.put("receivedOn-year", String.valueOf(LocalDate.now().minusDays(1).getYear()));
        corrected.put("youngPerson.lastName", "Fixedname");
        corrected.put("youngPerson.dateOfBirth-day", "14");
        corrected.put("youngPerson.dateOfBirth-month", "6");
        corrected.put("youngPerson.dateOfBirth-year", String.valueOf(LocalDate.now().getYear() - 14));
        corrected.put("youngPerson.postcode", "AN1 5LY");
        corrected.put("referrer.email", "teacher@school.example");
        corrected.put("reasons", "ANXIETY");
        corrected.put("consentGivenBy", "PARENT_CARER");
        Page accepted = client.submit(refused, "form[data-testid=new-referral]", corrected);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(302);
        assertThat(accepted.location()).isEqualTo("/referrals/" + referralId);
        Page shown = client.get(accepted.location());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.h1()).isEqualTo("Formtyped Fixedname");
        assertThat(shown.document().select(".nhsuk-notification-banner").text()).contains("Referral received");
        assertThat(shown.document().select("[data-testid=summary]").text()).contains("AN1 5LY").contains("Typed notes kept");
        // Shown once: a reload has no banner.
        assertThat(client.get(accepted.location()).document().select(".nhsuk-notification-banner")).isEmpty();
    }

    /**
     * Back after sending the form, a change, and the same page sent again: the referral recorded
     * first stays as it was, and the form comes back with what was typed, a link to that referral
     * and an id of its own, so that sending it once more records another referral.
     */
    @Test
    void aReferralFormSentAgainAfterItsReferralWasRecordedComesBackReadyToRecordAnother() {
        PageClient client = signedIn("coordinator");
        Page form = client.get("/referrals/new");
        String first = form.fields("form[data-testid=new-referral]").get("referralId");
        Map<String, String> typed = new HashMap<>(Map.of("source", "SCHOOL", "channel", "EMAIL",
                "youngPerson.firstName", "Backward", "youngPerson.lastName", "Sentonce",
                "youngPerson.dateOfBirth-day", "3", "youngPerson.dateOfBirth-month", "4",
                "youngPerson.dateOfBirth-year", String.valueOf(LocalDate.now().getYear() - 13),
                "reasons", "ANXIETY", "needs", "ANXIETY", "consentGivenBy", "YOUNG_PERSON"));
        Page recorded = client.submit(form, "form[data-testid=new-referral]", typed);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(302);
        assertThat(recorded.location()).isEqualTo("/referrals/" + first);

        typed.put("youngPerson.firstName", "Otherchild");
        Page again = client.submit(form, "form[data-testid=new-referral]", typed);
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.document().select(".nhsuk-error-summary").text()).contains("This form was sent before");
        assertThat(again.document().selectFirst("[data-testid=recorded-before] a").attr("href"))
                .isEqualTo("/referrals/" + first);
        Map<String, String> kept = again.fields("form[data-testid=new-referral]");
        assertThat(kept).containsEntry("youngPerson.firstName", "Otherchild");
        String second = kept.get("referralId");
        assertThat(second).isNotEqualTo(first);

        Page another = client.submit(again, "form[data-testid=new-referral]", Map.of());
        assertThat(another.status()).as(another.text()).isEqualTo(302);
        assertThat(another.location()).isEqualTo("/referrals/" + second);
        assertThat(api().as("coordinator").get("/api/referrals/" + first).json().path("youngPerson")
                .path("firstName").asText()).isEqualTo("Backward");
        assertThat(api().as("coordinator").get("/api/referrals/" + second).json().path("youngPerson")
                .path("firstName").asText()).isEqualTo("Otherchild");
    }

    @Test
    void acceptingAReferralThatFailsACriterionNeedsTheOverrideReason() {
        String referralId = referral("GP", LocalDate.now().minusYears(9), List.of("ANXIETY"), "Overrida", "Youngish");
        PageClient client = signedIn("coordinator");
        Page page = client.get("/referrals/" + referralId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Overrida Youngish");
        assertThat(page.document().selectFirst("[data-criterion=AGE_11_TO_18] .nhsuk-tag").text()).isEqualTo("Not met");
        assertThat(page.document().selectFirst("[data-criterion=ANXIETY_OR_LONELINESS] .nhsuk-tag").text()).isEqualTo("Met");

        // The page shows personal data: the API logged the coordinator's read.
        Response reads = api().as("auditor").get("/api/audit/personal-data-reads?subjectId=" + referralId);
        assertThat(reads.status()).as(reads.body()).isEqualTo(200);
        assertThat(reads.body()).contains("coordinator");

        Page badDate = client.submit(page, TRIAGE, Map.of("outcome", "DECLINED", "triagedOn-month", "13"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.document().selectFirst("#triage-triagedOn-error").text()).contains("Date triaged must be a real date");
        assertThat(badDate.document().select(".nhsuk-error-summary a").eachAttr("href")).containsExactly("#triage-triagedOn-day");

        Page refused = client.submit(page, TRIAGE, Map.of("outcome", "ACCEPTED"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.document().select(".nhsuk-error-summary a").eachAttr("href")).contains("#triage-overrideReason");
        assertThat(refused.document().selectFirst("#triage-overrideReason-error").text())
                .contains("Enter a reason to accept this referral although it does not meet every inclusion criterion");
        assertThat(refused.fields(TRIAGE)).containsEntry("outcome", "ACCEPTED");
        assertThat(api().as("coordinator").get("/api/referrals/" + referralId).json().path("status").asText())
                .isEqualTo("AWAITING_TRIAGE");

        Page accepted = client.submit(refused, TRIAGE, Map.of("overrideReason", "Turns 11 next month; school asked"));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(302);
        assertThat(accepted.location()).isEqualTo("/referrals/" + referralId);
        Page shown = client.get(accepted.location());
        assertThat(shown.document().select(".nhsuk-notification-banner").text()).contains("Referral triaged: accepted");
        assertThat(shown.document().selectFirst("[data-testid=status]").text()).isEqualTo("Accepted");
        assertThat(shown.document().selectFirst("[data-testid=triage-outcome]").text()).contains("Turns 11 next month");
        assertThat(shown.document().select(TRIAGE)).isEmpty();
    }

    @Test
    void assignmentShowsCapacityAndEnrolsTheParticipantWhoseLinkWorkerCanThenBeChangedAndSupportExtended() {
        String referralId = accepted("Assigna", "Capacitt");
        PageClient client = signedIn("coordinator");
        Page page = client.get("/referrals/" + referralId);
        List<String> choices = page.document().select("form[data-testid=assignment] .nhsuk-radios__label").eachText();
        assertThat(choices).anyMatch(choice -> choice.matches("lw-2: [0-9]+ active of a capacity of [0-9]+.*"));
        Page assigned = client.submit(page, "form[data-testid=assignment]", Map.of("linkWorkerId", "lw-2"));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(302);
        assertThat(assigned.location()).startsWith("/participants/");
        String participantId = assigned.location().substring("/participants/".length());
        Page participant = client.get(assigned.location());
        assertThat(participant.status()).isEqualTo(200);
        assertThat(participant.document().select(".nhsuk-notification-banner").text()).contains("Link worker assigned: lw-2");
        assertThat(api().as("coordinator").get("/api/participants/" + participantId).json().path("linkWorkerId").asText())
                .isEqualTo("lw-2");

        Page after = client.get("/referrals/" + referralId);
        assertThat(after.document().selectFirst("[data-testid=status]").text()).isEqualTo("Assigned to a link worker");
        assertThat(after.document().select("form[data-testid=extension]")).as("a manager's only").isEmpty();
        Map<String, String> forged = new LinkedHashMap<>(after.fields("form[data-testid=change]"));
        forged.put("weeks", "4");
        assertThat(client.post("/referrals/" + referralId + "/extension", forged).status()).isEqualTo(403);
        Page noReason = client.submit(after, "form[data-testid=change]", Map.of("linkWorkerId", "lw-1"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.document().select(".nhsuk-error-summary a").eachAttr("href")).contains("#change-reason");
        Page changed = client.submit(noReason, "form[data-testid=change]", Map.of("reason", "Closer to home"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(302);
        Page shown = client.get(changed.location());
        assertThat(shown.document().select(".nhsuk-notification-banner").text()).contains("Link worker changed to lw-1");
        assertThat(shown.document().selectFirst("[data-testid=link-worker]").text()).contains("lw-1");

        PageClient manager = signedIn("manager");
        Page managed = manager.get("/referrals/" + referralId);
        Page extended = manager.submit(managed, "form[data-testid=extension]",
                Map.of("weeks", "4", "reason", "Exams; needs longer"));
        assertThat(extended.status()).as(extended.text()).isEqualTo(302);
        assertThat(manager.get(extended.location()).document().select(".nhsuk-notification-banner").text())
                .contains("Support extended by 4 weeks");
        assertThat(api().as("manager").get("/api/participants/" + participantId).json().path("extensionWeeks").asInt())
                .isEqualTo(4);
        // The week of support counts from the first session.
        assertThat(api().as("linkworker").post("/api/participants/" + participantId + "/sessions", Map.of("heldOn",
                LocalDate.now().toString(), "durationMinutes", 30, "location", "SCHOOL", "accompaniedBy", "NONE"))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> api().as("manager").get("/api/participants/" + participantId)
                .json().path("sessionsHeld").asInt() == 1);
        Page participantPage = manager.get("/participants/" + participantId);
        Element referralLink = participantPage.document().selectFirst("[data-testid=referral-link]");
        assertThat(referralLink).as("a manager goes from the participant to the referral").isNotNull();
        assertThat(referralLink.attr("href")).isEqualTo("/referrals/" + referralId);
        assertThat(signedIn("linkworker").get("/participants/" + participantId).document()
                .select("[data-testid=referral-link]")).as("a link worker may not open referrals").isEmpty();
        Element weeks = participantPage.document().selectFirst("[data-testid=weeks-of-support]");
        assertThat(weeks).isNotNull();
        assertThat(weeks.text()).as("the twelve weeks and the four of the extension").isEqualTo("16");
    }

    @Test
    void aReferralIsWithdrawnWithAReason() {
        String referralId = referral("SELF", LocalDate.now().minusYears(14), List.of("LONELINESS"), "Withdrawa", "Leaving");
        PageClient client = signedIn("coordinator");
        Page page = client.get("/referrals/" + referralId);
        Page refused = client.submit(page, WITHDRAWAL, Map.of("withdrawnOn-day", "32"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().selectFirst("#withdrawal-withdrawnOn-error").text()).contains("must be a real date");
        Page noReason = client.submit(page, WITHDRAWAL, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.document().selectFirst("#withdrawal-reason-error").text()).contains("Enter reason for withdrawal");
        Page withdrawn = client.submit(page, WITHDRAWAL, Map.of("reason", "Family moved away"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(302);
        Page shown = client.get(withdrawn.location());
        assertThat(shown.document().select(".nhsuk-notification-banner").text()).contains("Referral withdrawn");
        assertThat(shown.document().selectFirst("[data-testid=status]").text()).isEqualTo("Withdrawn");
        assertThat(shown.document().select(TRIAGE)).isEmpty();
    }

    @Test
    void aCommandOnAVersionSomeoneElseChangedSaysSoAndOverwritesNothing() {
        String referralId = referral("CAMHS", LocalDate.now().minusYears(13), List.of("ANXIETY"), "Stalia", "Versionson");
        PageClient coordinator = signedIn("coordinator");
        Page opened = coordinator.get("/referrals/" + referralId);
        PageClient manager = signedIn("manager");
        Page triaged = manager.submit(manager.get("/referrals/" + referralId), TRIAGE, Map.of("outcome", "DECLINED",
                "reason", "Better served by CAMHS"));
        assertThat(triaged.status()).isEqualTo(302);

        Page stale = coordinator.submit(opened, WITHDRAWAL, Map.of("reason", "Asked to withdraw"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.document().select("[data-testid=stale]").text())
                .contains("Someone else changed this referral since you opened it");
        assertThat(stale.document().selectFirst("[data-testid=status]").text()).isEqualTo("Declined");
        Response now = api().as("coordinator").get("/api/referrals/" + referralId);
        assertThat(now.json().path("status").asText()).isEqualTo("DECLINED");
        assertThat(now.json().path("withdrawnOn").isNull()).isTrue();
    }

    @Test
    void aLinkWorkerAndAnAnalystCannotSeeThesePages() {
        String referralId = referral("GP", LocalDate.now().minusYears(15), List.of("ANXIETY"), "Refusa", "Pageless");
        for (String user : List.of("linkworker", "analyst")) {
            PageClient client = signedIn(user);
            for (String path : List.of("/inbox", "/referrals/new", "/referrals/" + referralId)) {
                Page refused = client.get(path);
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.h1()).isEqualTo("You cannot see this page");
                assertThat(refused.text()).doesNotContain("Pageless");
            }
        }
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefused() {
        String referralId = referral("GP", LocalDate.now().minusYears(15), List.of("ANXIETY"), "Csrfia", "Tokenless");
        PageClient client = signedIn("coordinator");
        Page page = client.get("/referrals/" + referralId);
        Map<String, String> fields = page.fields(WITHDRAWAL);
        fields.remove("_csrf");
        fields.put("reason", "Forged");
        assertThat(client.post("/referrals/" + referralId + "/withdrawal", fields).status()).isEqualTo(403);
        Map<String, String> referral = new LinkedHashMap<>(client.get("/referrals/new").fields("form[data-testid=new-referral]"));
        referral.remove("_csrf");
        assertThat(client.post("/referrals", referral).status()).isEqualTo(403);
        assertThat(api().as("coordinator").get("/api/referrals/" + referralId).json().path("status").asText())
                .isEqualTo("AWAITING_TRIAGE");
    }

    /** A referral received 3 days ago, once the coordinator can read it. */
    private String referral(String source, LocalDate dateOfBirth, List<String> needs, String firstName, String lastName) {
        Map<String, Object> youngPerson = new LinkedHashMap<>();
        youngPerson.put("firstName", firstName);
        youngPerson.put("lastName", lastName);
        youngPerson.put("dateOfBirth", dateOfBirth.toString());
        Response received = api().as("coordinator").post("/api/referrals", Map.of("source", source, "channel", "EMAIL",
                "receivedOn", LocalDate.now().minusDays(3).toString(), "youngPerson", youngPerson,
                "reasons", List.of("EMOTIONAL_HEALTH"), "needs", needs, "consentGivenBy", "YOUNG_PERSON"));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String referralId = received.text("referralId");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().as("coordinator").get("/api/referrals/" + referralId).status() == 200);
        return referralId;
    }

    /** A referral that meets the criteria, accepted, once its page shows it accepted. */
    private String accepted(String firstName, String lastName) {
        String referralId = referral("GP", LocalDate.now().minusYears(15), List.of("LONELINESS"), firstName, lastName);
        assertThat(api().as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", LocalDate.now().minusDays(1).toString())).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api().as("coordinator").get("/api/referrals/" + referralId)
                .json().path("status").asText().equals("ACCEPTED"));
        return referralId;
    }
}
