package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * The link worker's participant page of the staff console over real HTTP: each thing a link
 * worker records, through its form, shown on the page that follows at once (read your own write,
 * no waiting in the test), the API's refusals on the form (400 field by field, 409 a business
 * rule, 412 a change since the form was opened), the outcome chart and its table, and who may act.
 */
class ConsoleParticipantHttpTest extends AllInOneTest {

    private static final String FORM = "form[data-testid=action-form]";

    @Test
    void eachActionIsRecordedThroughItsFormAndShownOnThePageThatFollows() {
        String participantId = enrolled("Actiona", "Formsworth");
        PageClient client = signedIn("linkworker");
        LocalDate today = LocalDate.now();

        Page page = recorded(client, participantId, "Record a session", fields(date("heldOn", today.minusDays(3)),
                Map.of("durationMinutes", "40", "location", "SCHOOL", "accompaniedBy", "NONE",
                        "walkMinutesFromHome", "15", "techniques", "COM_B", "notes", "Talked about football")));
        assertThat(banner(page)).isEqualTo("Session on " + day(today.minusDays(3)) + " recorded");
        assertThat(page.document().select("[data-testid=summary]").text()).contains("1 session held");
        assertThat(whats(page)).first().asString().startsWith("Session held");

        page = recorded(client, participantId, "Record a missed session",
                fields(date("plannedOn", today.minusDays(2)), Map.of("reason", "Unwell")));
        assertThat(banner(page)).isEqualTo("Missed session of " + day(today.minusDays(2)) + " recorded");
        assertThat(page.document().select("[data-testid=summary]").text()).contains("1 missed");

        page = recorded(client, participantId, "Record a contact",
                fields(date("contactedOn", today.minusDays(1)), Map.of("channel", "TEXT", "direction", "OUTBOUND")));
        assertThat(banner(page)).isEqualTo("Contact by text on " + day(today.minusDays(1)) + " recorded");
        assertThat(page.document().select("[data-testid=summary]").text()).contains(day(today.minusDays(1)));

        page = recorded(client, participantId, "Signpost to a VCSE activity", fields(date("signpostedOn", today),
                Map.of("organisation", "Riverside Harriers", "activity", "Junior running club", "category",
                        "PHYSICAL_ACTIVITY", "fundedAccess", "true", "transportSupport", "BUS_PASS")));
        assertThat(banner(page)).isEqualTo("Signposted to Junior running club at Riverside Harriers");
        Element signpost = page.document().selectFirst("[data-testid=signposts] tbody tr");
        assertThat(signpost.text()).contains("Junior running club at Riverside Harriers", "Not recorded yet");

        // Its uptake, from the link of the signpost listed.
        Page uptakeForm = client.get(signpost.selectFirst("a").attr("href"));
        assertThat(uptakeForm.status()).isEqualTo(200);
        assertThat(uptakeForm.document().select("[data-testid=signpost]").text()).contains("Junior running club");
        Page sent = client.submit(uptakeForm, FORM, fields(date("recordedOn", today), Map.of("attended", "true")));
        assertThat(sent.location()).isEqualTo("/participants/" + participantId);
        page = client.get(sent.location());
        assertThat(banner(page)).isEqualTo("Uptake recorded: they went");
        assertThat(page.document().select("[data-testid=signposts] tbody tr").text()).contains("Went (recorded");

        page = recorded(client, participantId, "Raise a safeguarding concern",
                fields(date("raisedOn", today), Map.of("summary", "Worried about home")));
        assertThat(banner(page)).isEqualTo("Safeguarding concern of " + day(today) + " raised");
        assertThat(page.document().select(".nhsuk-tag").eachText()).contains("Safeguarding concern");

        page = recorded(client, participantId, "Discharge", fields(date("dischargedOn", today), Map.of("reason", "COMPLETED")));
        assertThat(banner(page)).isEqualTo("Discharged on " + day(today));
        assertThat(page.document().select("[data-testid=summary]").text()).contains("Discharged " + day(today) + " (Completed)");
        // Nothing is recorded after discharge: the page offers no more forms.
        assertThat(page.document().select("[data-testid=actions]")).isEmpty();
        assertThat(page.document().select("[data-testid=signposts] a")).isEmpty();
    }

    @Test
    void aSafeguardingConcernIsClosedFromItsLinkAndTheFlagGoesWithTheLastOpenOne() {
        String participantId = enrolled("Safeguarda", "Closewell");
        PageClient client = signedIn("linkworker");
        LocalDate today = LocalDate.now();
        recorded(client, participantId, "Raise a safeguarding concern",
                fields(date("raisedOn", today.minusDays(5)), Map.of("summary", "Worried about home")));
        Page page = recorded(client, participantId, "Raise a safeguarding concern",
                fields(date("raisedOn", today.minusDays(4)), Map.of("summary", "Bullied on the bus")));
        assertThat(page.document().select("[data-testid=concerns] tbody tr").eachText()).containsExactly(
                day(today.minusDays(5)) + " Worried about home Open Close this concern raised on " + day(today.minusDays(5)),
                day(today.minusDays(4)) + " Bullied on the bus Open Close this concern raised on " + day(today.minusDays(4)));
        assertThat(caseloadFlags(client, participantId)).contains("Safeguarding concern");

        // A date that is not one: the error summary names the field, and nothing is sent.
        Page form = client.get(page.document().selectFirst("[data-testid=concerns] tbody tr a").attr("href"));
        assertThat(form.h1()).isEqualTo("Close a safeguarding concern");
        assertThat(form.document().select("[data-testid=concern]").text()).contains("Worried about home");
        Page notADate = client.submit(form, FORM, Map.of("closedOn-day", "31", "closedOn-month", "2",
                "closedOn-year", String.valueOf(today.getYear()), "outcome", "Seen by the lead"));
        assertThat(notADate.status()).isEqualTo(200);
        assertThat(notADate.document().select(".nhsuk-error-summary a").eachAttr("href")).containsExactly("#closedOn-day");
        assertThat(notADate.document().select("#closedOn-error").text()).contains("Date closed must be a real date");
        // Before the concern was raised: the API's rule, on the form.
        Page tooEarly = client.submit(form, FORM, fields(date("closedOn", today.minusDays(6)),
                Map.of("outcome", "Seen by the lead")));
        assertThat(tooEarly.document().select("[data-testid=refusal]").text()).contains("before the day the concern was raised");

        Page sent = client.submit(form, FORM, fields(date("closedOn", today), Map.of("outcome", "Seen by the lead")));
        assertThat(sent.status()).as(sent.document().select(".nhsuk-error-summary").text()).isEqualTo(302);
        page = client.get(sent.location());
        assertThat(banner(page)).isEqualTo("Safeguarding concern closed");
        assertThat(whats(page)).first().asString().startsWith("Safeguarding concern closed");
        assertThat(page.document().select("[data-testid=concerns] tbody tr").eachText()).containsExactly(
                day(today.minusDays(5)) + " Worried about home Closed on " + day(today),
                day(today.minusDays(4)) + " Bullied on the bus Open Close this concern raised on " + day(today.minusDays(4)));
        assertThat(caseloadFlags(client, participantId)).as("another is open").contains("Safeguarding concern");

        page = recorded(client, participantId, page.document().selectFirst("[data-testid=concerns] tbody tr a"),
                fields(date("closedOn", today), Map.of("outcome", "School's plan in place")));
        assertThat(page.document().select("[data-testid=concerns] a")).isEmpty();
        assertThat(page.document().select(".nhsuk-tag").eachText()).doesNotContain("Safeguarding concern");
        assertThat(caseloadFlags(client, participantId)).doesNotContain("Safeguarding concern");

        // A closed concern says so, offers no form, and a closure sent anyway is refused.
        Page closed = client.get(form.raw().uri().getPath());
        assertThat(closed.document().select("[data-testid=concern-closed]").text())
                .isEqualTo("Information: This concern was closed on " + day(today) + "; it cannot be closed again.");
        assertThat(closed.document().select(FORM)).isEmpty();
        String csrf = closed.fields("form[action='/sign-out']").get("_csrf");
        String version = api().as("linkworker").get("/api/participants/" + participantId).header("ETag").replace("\"", "");
        Page again = client.post(form.raw().uri().getPath(), fields(date("closedOn", today),
                Map.of("outcome", "Again", "version", version, "_csrf", csrf)));
        assertThat(again.document().select("[data-testid=refusal]").text()).contains("already closed on " + today);
    }

    @Test
    void aSwemwbsMeasureShowsItsConvertedScoreInTheBannerTheChartAndTheTable() {
        String participantId = enrolled("Measura", "Chartwell");
        PageClient client = signedIn("linkworker");
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 1; i <= 7; i++) {
            items.put("item" + i, "3");
        }
        items.put("timepoint", "BASELINE");
        // Raw total 21: 19.25 on the metric scale.
        Page page = recorded(client, participantId, "Record a SWEMWBS measure",
                fields(date("recordedOn", LocalDate.now().minusDays(10)), items));
        assertThat(banner(page)).isEqualTo("SWEMWBS baseline measure recorded: score 19.25");
        items.put("item1", "5");
        items.put("timepoint", "REVIEW");
        page = recorded(client, participantId, "Record a SWEMWBS measure",
                fields(date("recordedOn", LocalDate.now()), items));
        assertThat(banner(page)).isEqualTo("SWEMWBS review measure recorded: score 20.73");

        Element outcome = page.document().selectFirst("section[data-instrument=SWEMWBS]");
        assertThat(outcome).isNotNull();
        assertThat(outcome.select("table tbody tr").eachText())
                .containsExactly(day(LocalDate.now().minusDays(10)) + " Baseline 19.25", day(LocalDate.now()) + " Review 20.73");
        assertThat(outcome.select("svg circle")).hasSize(2);
        assertThat(outcome.select("svg circle[data-baseline=true]")).hasSize(1);
        assertThat(outcome.select("svg text.console-chart__baseline").text()).isEqualTo("Baseline");
        assertThat(outcome.select("svg polyline").attr("points")).isNotBlank();
        assertThat(outcome.select("svg").attr("aria-labelledby")).contains("chart-SWEMWBS-title");
        assertThat(outcome.text()).contains("NHS Health Scotland");

        // ONS4's items are never summed: four lines, and the four items in the table.
        Page ons4 = recorded(client, participantId, "Record an ONS4 measure", fields(date("recordedOn", LocalDate.now()),
                Map.of("timepoint", "BASELINE", "item1", "6", "item2", "7", "item3", "8", "item4", "2")));
        assertThat(banner(ons4)).isEqualTo("ONS4 baseline measure recorded (its items are not summed)");
        Element wellbeing = ons4.document().selectFirst("section[data-instrument=ONS4]");
        assertThat(wellbeing.select("svg polyline")).hasSize(4);
        assertThat(wellbeing.select("table thead th").eachText()).containsExactly("Date", "Time point",
                "Life satisfaction", "Worthwhile", "Happy yesterday", "Anxious yesterday");
        assertThat(wellbeing.select("table tbody tr").text()).endsWith("Baseline 6 7 8 2");
    }

    @Test
    void aFormTheApiRefusesKeepsWhatWasTypedAndNamesTheFields() {
        String participantId = enrolled("Typoa", "Keepsake");
        PageClient client = signedIn("linkworker");
        Page form = client.get("/participants/" + participantId + "/session");
        Page refused = client.submit(form, FORM, fields(date("heldOn", LocalDate.now()),
                Map.of("durationMinutes", "500", "techniques", "COM_B", "notes", "Notes typed before the error")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().title()).startsWith("Error: ");
        assertThat(refused.document().select(".nhsuk-error-summary a").eachAttr("href"))
                .contains("#durationMinutes", "#location", "#accompaniedBy");
        assertThat(refused.document().select("#durationMinutes-error").text()).contains("240");
        assertThat(refused.document().select("#location-error").text()).contains("Select where");
        assertThat(refused.document().selectFirst("#durationMinutes").val()).isEqualTo("500");
        assertThat(refused.document().selectFirst("#notes").val()).isEqualTo("Notes typed before the error");
        assertThat(refused.document().select("input[name=techniques][checked]").eachAttr("value")).containsExactly("COM_B");
        assertThat(refused.document().selectFirst("#heldOn-year").val()).isEqualTo(String.valueOf(LocalDate.now().getYear()));

        // A date that is not one is refused on its field here, and nothing is sent.
        Map<String, String> badDate = new LinkedHashMap<>(Map.of("heldOn-day", "31", "heldOn-month", "2",
                "heldOn-year", "2026", "durationMinutes", "40", "location", "HOME", "accompaniedBy", "NONE"));
        Page notADate = client.submit(form, FORM, badDate);
        assertThat(notADate.status()).isEqualTo(200);
        assertThat(notADate.document().select(".nhsuk-error-summary a").eachAttr("href")).containsExactly("#heldOn-day");
        assertThat(notADate.document().select("#heldOn-error").text()).contains("Date held must be a real date");
        assertThat(notADate.document().selectFirst("#heldOn-day").val()).isEqualTo("31");
        assertThat(notADate.document().selectFirst("#location").hasAttr("checked")).isTrue();
        Page words = client.submit(form, FORM, Map.of("heldOn-day", "first", "durationMinutes", "forty"));
        assertThat(words.status()).isEqualTo(200);
        assertThat(words.document().select(".nhsuk-error-summary a").eachAttr("href"))
                .containsExactly("#heldOn-day", "#durationMinutes");
        assertThat(api().as("linkworker").get("/api/participants/" + participantId).json().path("sessionsHeld").asInt())
                .isZero();
    }

    @Test
    void aSessionAfterDischargeIsRefusedOnTheForm() {
        String participantId = enrolled("Lateca", "Afterwards");
        Response discharged = api().as("linkworker").post("/api/participants/" + participantId + "/discharge",
                Map.of("reason", "MOVED_AWAY", "dischargedOn", LocalDate.now().toString()));
        assertThat(discharged.status()).isEqualTo(200);
        PageClient client = signedIn("linkworker");
        Page form = awaitVersion(client, participantId, discharged);
        Page refused = client.submit(form, FORM, fields(date("heldOn", LocalDate.now()),
                Map.of("durationMinutes", "40", "location", "HOME", "accompaniedBy", "NONE")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("[data-testid=refusal]").text()).contains("was discharged on");
        assertThat(refused.document().selectFirst("#durationMinutes").val()).isEqualTo("40");
    }

    @Test
    void aFormOpenedBeforeSomeoneElsesChangeSaysSoAndRecordsNothing() {
        String participantId = enrolled("Stalia", "Versionova");
        PageClient client = signedIn("linkworker");
        Page form = client.get("/participants/" + participantId + "/contact");
        String opened = form.fields(FORM).get("version");
        Response meanwhile = api().as("manager").post("/api/participants/" + participantId + "/contacts",
                Map.of("channel", "PHONE", "direction", "INBOUND", "contactedOn", LocalDate.now().toString()));
        assertThat(meanwhile.status()).isEqualTo(201);
        Page stale = client.submit(form, FORM, fields(date("contactedOn", LocalDate.now().minusDays(1)),
                Map.of("channel", "TEXT", "direction", "OUTBOUND")));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.document().select("[data-testid=refusal]").text())
                .startsWith("Someone else changed this record since you opened it");
        assertThat(stale.document().select("[data-testid=current-state]")).isNotEmpty();
        assertThat(stale.document().selectFirst("#channel").hasAttr("checked")).isTrue();
        // The manager's contact is shown, and the form now carries the current version, to send again knowingly.
        assertThat(stale.document().select("[data-testid=changes]").text()).contains("Contact", "manager");
        assertThat(stale.fields(FORM).get("version")).isNotEqualTo(opened);
        Response history = api().as("linkworker").get("/api/participants/" + participantId + "/history");
        assertThat(history.body()).doesNotContain("OUTBOUND");
    }

    @Test
    void aManagerRecordsToo() {
        String participantId = enrolled("Managa", "Alsodoes");
        PageClient client = signedIn("manager");
        Page page = recorded(client, participantId, "Record a contact",
                fields(date("contactedOn", LocalDate.now()), Map.of("channel", "EMAIL", "direction", "INBOUND")));
        assertThat(banner(page)).isEqualTo("Contact by email on " + day(LocalDate.now()) + " recorded");
        assertThat(whats(page)).first().asString().startsWith("Contact");
    }

    @Test
    void anotherLinkWorkerGetsPageNotFoundForThePageItsFormsAndItsPosts() {
        String participantId = enrolled("Otherwise", "Notmine");
        PageClient client = signedIn("linkworker2");
        assertThat(client.get("/participants/" + participantId).status()).isEqualTo(404);
        assertThat(client.get("/participants/" + participantId + "/session").status()).isEqualTo(404);
        String csrf = client.open("/").fields("form[action='/sign-out']").get("_csrf");
        Map<String, String> contact = fields(date("contactedOn", LocalDate.now()),
                Map.of("channel", "TEXT", "direction", "OUTBOUND", "version", "0", "_csrf", csrf));
        Page refused = client.post("/participants/" + participantId + "/contact", contact);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text()).doesNotContain("Notmine");
        assertThat(api().as("linkworker").get("/api/participants/" + participantId).json().path("lastContactOn").isNull())
                .isTrue();
    }

    @Test
    void aCoordinatorSeesThePageButNoForms() {
        String participantId = enrolled("Coordina", "Lookonly");
        Response signposted = api().as("linkworker").post("/api/participants/" + participantId + "/signposts",
                Map.of("organisation", "Youth club", "activity", "Drop-in", "category", "SOCIAL",
                        "signpostedOn", LocalDate.now().toString()));
        assertThat(signposted.status()).isEqualTo(201);
        PageClient client = signedIn("coordinator");
        Page page = awaitSignpost(client, participantId);
        assertThat(page.document().select("[data-testid=actions]")).isEmpty();
        assertThat(page.document().select("form[data-testid=action-form]")).isEmpty();
        assertThat(page.document().select("[data-testid=signposts] a")).isEmpty();
        assertThat(client.get("/participants/" + participantId + "/session").status()).isEqualTo(403);
        String csrf = page.fields("form[action='/sign-out']").get("_csrf");
        assertThat(client.post("/participants/" + participantId + "/discharge", fields(date("dischargedOn", LocalDate.now()),
                Map.of("reason", "OTHER", "version", "0", "_csrf", csrf))).status()).isEqualTo(403);
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefused() {
        String participantId = enrolled("Forgera", "Crosswise");
        PageClient client = signedIn("linkworker");
        Page form = client.get("/participants/" + participantId + "/contact");
        Map<String, String> fields = form.fields(FORM);
        fields.remove("_csrf");
        fields.putAll(fields(date("contactedOn", LocalDate.now()), Map.of("channel", "TEXT", "direction", "OUTBOUND")));
        assertThat(client.post("/participants/" + participantId + "/contact", fields).status()).isEqualTo(403);
        assertThat(api().as("linkworker").get("/api/participants/" + participantId).json().path("lastContactOn").isNull())
                .isTrue();
    }

    /** Follows the participant page's link to a form, sends it, and opens the page it redirects to. */
    private static Page recorded(PageClient client, String participantId, String link, Map<String, String> typed) {
        Page participant = client.get("/participants/" + participantId);
        assertThat(participant.status()).isEqualTo(200);
        Element action = participant.document().select("[data-testid=actions] a").stream()
                .filter(a -> a.text().equals(link)).findFirst().orElseThrow(() -> new AssertionError("No link " + link));
        Page form = client.get(action.attr("href"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.h1()).isEqualTo(link);
        Page sent = client.submit(form, FORM, typed);
        assertThat(sent.status()).as(sent.document().select(".nhsuk-error-summary").text()).isEqualTo(302);
        assertThat(sent.location()).isEqualTo("/participants/" + participantId);
        return client.get(sent.location());
    }

    /** Follows a link of the participant page to its form, sends it, and opens the page it redirects to. */
    private static Page recorded(PageClient client, String participantId, Element link, Map<String, String> typed) {
        Page form = client.get(link.attr("href"));
        assertThat(form.status()).isEqualTo(200);
        Page sent = client.submit(form, FORM, typed);
        assertThat(sent.status()).as(sent.document().select(".nhsuk-error-summary").text()).isEqualTo(302);
        assertThat(sent.location()).isEqualTo("/participants/" + participantId);
        return client.get(sent.location());
    }

    /** The flags of the participant's row on the link worker's caseload page. */
    private static List<String> caseloadFlags(PageClient client, String participantId) {
        Element row = client.get("/caseload").document().select("[data-testid=caseload] tbody tr").stream()
                .filter(tr -> !tr.select("a[href=/participants/" + participantId + "]").isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError(participantId + " not on the caseload"));
        return row.select(".nhsuk-tag").eachText();
    }

    /** The session form once the read model has the version a command answered (a page opened after it). */
    private static Page awaitVersion(PageClient client, String participantId, Response command) {
        String version = command.header("ETag").replace("\"", "");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                client.get("/participants/" + participantId + "/session").fields(FORM).get("version").equals(version));
        return client.get("/participants/" + participantId + "/session");
    }

    private static Page awaitSignpost(PageClient client, String participantId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                !client.get("/participants/" + participantId).document().select("[data-testid=signposts]").isEmpty());
        return client.get("/participants/" + participantId);
    }

    private PageClient signedIn(String user) {
        PageClient client = new PageClient(port);
        client.signIn(user, Api.PASSWORD);
        return client;
    }

    private String enrolled(String first, String last) {
        return enrolledOfLinkWorkerOne(api(), first, last).get("participantId");
    }

    private static String banner(Page page) {
        return page.document().select(".nhsuk-notification-banner__heading").text();
    }

    private static List<String> whats(Page page) {
        return page.document().select("[data-testid=timeline] h3").eachText();
    }

    private static Map<String, String> date(String name, LocalDate date) {
        return Map.of(name + "-day", String.valueOf(date.getDayOfMonth()), name + "-month",
                String.valueOf(date.getMonthValue()), name + "-year", String.valueOf(date.getYear()));
    }

    private static Map<String, String> fields(Map<String, String> date, Map<String, String> others) {
        Map<String, String> fields = new LinkedHashMap<>(date);
        fields.putAll(others);
        return fields;
    }

    private static String day(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }
}
