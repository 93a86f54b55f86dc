package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.signpost.app.console.ConsoleBrowser;
import org.signpost.platform.testing.Api;

/**
 * The staff console in Debian's Chromium against the real service: people's journeys with the
 * mouse and with the keyboard only, axe-core on every page they see, and a screenshot of the
 * last page of a journey that fails (target/browser-screenshots).
 */
class ConsoleBrowserIT extends AllInOneTest {

    /** A journey in a fresh browser; on failure the page it ended on is kept as a screenshot. */
    private void journey(String name, Consumer<ConsoleBrowser> steps) {
        journey(name, null, steps);
    }

    private void journey(String name, Dimension size, Consumer<ConsoleBrowser> steps) {
        try (ConsoleBrowser browser = size == null ? ConsoleBrowser.open(port) : ConsoleBrowser.open(port, size)) {
            try {
                steps.accept(browser);
            } catch (RuntimeException | AssertionError failed) {
                browser.screenshot(name + "-failed");
                throw failed;
            }
        }
    }

    private static void type(ConsoleBrowser browser, String css, String text) {
        browser.type(css, text);
    }

    private static void date(ConsoleBrowser browser, String id, LocalDate date) {
        browser.date(id, date);
    }

    @Test
    void aCoordinatorCorrectsAReferralFromTheErrorSummaryTriagesWithAnOverrideAndAssignsIt() {
        journey("coordinator", browser -> {
            browser.signIn("coordinator", Api.PASSWORD);
            assertThat(browser.path()).isEqualTo("/inbox");
            browser.assertAccessible();

            browser.go("/referrals/new");
            browser.assertAccessible();
            new Select(browser.find("#source")).selectByValue("SCHOOL");
            new Select(browser.find("#channel")).selectByIndex(1);
            date(browser, "receivedOn", LocalDate.now().minusDays(2));
            type(browser, "#youngPerson-firstName", "Browsa");
            // The last name left out; 20 years old when referred, so the age criterion fails.
            date(browser, "youngPerson-dateOfBirth", LocalDate.now().minusYears(20));
            browser.find("input[name=reasons]").click();
            browser.find("input[name=needs][value=ANXIETY]").click();
            browser.find("input[name=consentGivenBy][value=YOUNG_PERSON]").click();
            browser.find("form[action='/referrals'] button[type=submit]").click();

            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nhsuk-error-summary")));
            browser.assertAccessible();
            assertThat(browser.find("#youngPerson-firstName").getAttribute("value")).isEqualTo("Browsa");
            browser.find(".nhsuk-error-summary a[href='#youngPerson-lastName']").click();
            assertThat(browser.focused().getAttribute("id")).isEqualTo("youngPerson-lastName");
            browser.focused().sendKeys("Checker");
            browser.find("form[action='/referrals'] button[type=submit]").click();

            browser.waitFor(ExpectedConditions.urlMatches(".*/referrals/[0-9a-f-]{36}$"));
            assertThat(browser.find(".nhsuk-notification-banner").getText()).contains("Referral received");
            browser.assertAccessible();

            browser.find("form[data-testid=triage] input[name=outcome][value=ACCEPTED]").click();
            browser.find("form[data-testid=triage] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nhsuk-error-summary")));
            browser.assertAccessible();
            browser.find("form[data-testid=triage] textarea[name=overrideReason]").sendKeys(
                    "Turned 19 last week; the school asks for the support already planned.");
            browser.find("form[data-testid=triage] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-testid=assignment]")));
            assertThat(browser.find(".nhsuk-notification-banner").getText()).contains("Referral triaged: accepted");

            browser.find("form[data-testid=assignment] input[name=linkWorkerId][value=lw-1]").click();
            browser.find("form[data-testid=assignment] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("/participants/"));
            assertThat(browser.find(".nhsuk-notification-banner").getText()).contains("Link worker assigned: lw-1");
            assertThat(browser.h1()).isEqualTo("Browsa Checker");
            browser.assertAccessible();
        });
    }

    @Test
    void aLinkWorkerOpensTheirCaseloadAndAParticipantAndSignsOut() {
        String participantId = enrolledOfLinkWorkerOne(api(), "Selena", "Browserton").get("participantId");
        journey("link-worker", browser -> {
            browser.signIn("linkworker", Api.PASSWORD);
            assertThat(browser.path()).isEqualTo("/caseload");
            assertThat(browser.find("[data-testid=signed-in-as]").getText()).isEqualTo("linkworker (Link worker)");
            browser.assertAccessible();
            browser.screenshot("caseload");
            browser.find("a[href='/participants/" + participantId + "']").click();
            browser.waitFor(ExpectedConditions.urlContains(participantId));
            assertThat(browser.h1()).isEqualTo("Selena Browserton");
            browser.assertAccessible();
            browser.find("form[action='/sign-out'] button").click();
            browser.waitFor(ExpectedConditions.urlContains("/sign-in"));
            assertThat(browser.find("main").getText()).contains("You have signed out");
            browser.assertAccessible();
        });
    }

    /** The participant's page, then one of its action links, then the form sent: back on the page with the banner. */
    private static String act(ConsoleBrowser browser, String participantId, String link, Runnable fill) {
        browser.go("/participants/" + participantId);
        browser.find("a[href='/participants/" + participantId + "/" + link + "']").click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-testid=action-form]")));
        browser.assertAccessible();
        fill.run();
        browser.find("form[data-testid=action-form] button[type=submit]").click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nhsuk-notification-banner")));
        assertThat(browser.path()).isEqualTo("/participants/" + participantId);
        return browser.find(".nhsuk-notification-banner").getText();
    }

    private static void choose(ConsoleBrowser browser, String name, String value) {
        browser.find("input[name='" + name + "'][value='" + value + "']").click();
    }

    @Test
    void aLinkWorkerRecordsASessionAMeasureASignpostItsUptakeASafeguardingConcernRaisedAndClosedAndADischarge() {
        String participantId = enrolledOfLinkWorkerOne(api(), "Marta", "Journeyman").get("participantId");
        LocalDate today = LocalDate.now();
        journey("link-worker-actions", browser -> {
            browser.signIn("linkworker", Api.PASSWORD);
            String session = act(browser, participantId, "session", () -> {
                date(browser, "heldOn", today.minusDays(10));
                type(browser, "#durationMinutes", "45");
                choose(browser, "location", "SCHOOL");
                choose(browser, "accompaniedBy", "NONE");
                type(browser, "#walkMinutesFromHome", "15");
                choose(browser, "techniques", "MOTIVATIONAL_INTERVIEWING");
            });
            assertThat(session).contains("Session on").contains("recorded");
            assertThat(browser.find("[data-testid=summary]").getText()).contains("1 session held");
            browser.assertAccessible();

            String measure = act(browser, participantId, "measure?instrument=SWEMWBS", () -> {
                choose(browser, "timepoint", "BASELINE");
                date(browser, "recordedOn", today.minusDays(10));
                for (int item = 1; item <= 7; item++) {
                    choose(browser, "item" + item, "3");
                }
            });
            // Seven items of 3: a raw score of 21, 19.25 on SWEMWBS's metric scale.
            assertThat(measure).contains("SWEMWBS baseline measure recorded: score 19.25");
            assertThat(browser.find("[data-testid=measures-SWEMWBS]").getText()).contains("19.25");
            assertThat(browser.all("svg").size()).as("the chart").isPositive();
            browser.assertAccessible();

            String signposted = act(browser, participantId, "signpost", () -> {
                type(browser, "#organisation", "Leeds Youth Football");
                type(browser, "#activity", "Saturday training");
                choose(browser, "category", "PHYSICAL_ACTIVITY");
                date(browser, "signpostedOn", today.minusDays(9));
                choose(browser, "fundedAccess", "true");
                choose(browser, "transportSupport", "BUS_PASS");
            });
            assertThat(signposted).contains("Signposted to Saturday training at Leeds Youth Football");

            browser.find("[data-testid=signposts] a[href$='/uptake']").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-testid=action-form]")));
            browser.assertAccessible();
            choose(browser, "attended", "true");
            date(browser, "recordedOn", today.minusDays(2));
            browser.find("form[data-testid=action-form] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nhsuk-notification-banner")));
            assertThat(browser.find(".nhsuk-notification-banner").getText()).contains("Uptake recorded: they went");

            String raised = act(browser, participantId, "safeguarding-concern", () -> {
                date(browser, "raisedOn", today.minusDays(3));
                type(browser, "#summary", "Said at school that an older pupil takes her money");
            });
            assertThat(raised).contains("Safeguarding concern of").contains("raised");
            browser.find("a[href*='/safeguarding-concerns/'][href$='/closure']").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-testid=action-form]")));
            browser.assertAccessible();
            date(browser, "closedOn", today.minusDays(1));
            type(browser, "#outcome", "School's designated lead spoke to both families");
            browser.find("form[data-testid=action-form] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nhsuk-notification-banner")));
            assertThat(browser.find(".nhsuk-notification-banner").getText()).contains("Safeguarding concern closed");
            assertThat(browser.all("a[href$='/closure']")).as("no open concern left").isEmpty();
            browser.assertAccessible();

            String discharged = act(browser, participantId, "discharge", () -> {
                choose(browser, "reason", "COMPLETED");
                date(browser, "dischargedOn", today);
            });
            assertThat(discharged).contains("Discharged on");
            assertThat(browser.find("main").getText()).contains("Participant (discharged)");
            browser.assertAccessible();
        });
    }

    @Test
    void theSameJourneyWithTheKeyboardOnly() {
        String participantId = enrolledOfLinkWorkerOne(api(), "Kiera", "Keyboardson").get("participantId");
        journey("keyboard", browser -> {
            browser.go("/sign-in");
            // The skip link first, as the design system has it, then the service's name, then the form's fields.
            browser.find("body").sendKeys(Keys.TAB);
            assertThat(browser.focused().getText()).isEqualTo("Skip to main content");
            browser.focused().sendKeys(Keys.TAB);
            assertThat(browser.focused().getText()).isEqualTo("Signpost");
            browser.focused().sendKeys(Keys.TAB);
            assertThat(browser.focused().getAttribute("id")).isEqualTo("username");
            browser.focused().sendKeys("linkworker", Keys.TAB);
            assertThat(browser.focused().getAttribute("id")).isEqualTo("password");
            browser.focused().sendKeys(Api.PASSWORD, Keys.ENTER);
            browser.waitFor(ExpectedConditions.urlContains("/caseload"));
            // Tab until the participant's link has the focus, then open it with Enter.
            String link = "/participants/" + participantId;
            for (int i = 0; i < 30 && !String.valueOf(browser.focused().getAttribute("href")).endsWith(link); i++) {
                browser.focused().sendKeys(Keys.TAB);
            }
            assertThat(browser.focused().getAttribute("href")).endsWith(link);
            browser.focused().sendKeys(Keys.ENTER);
            browser.waitFor(ExpectedConditions.urlContains(participantId));
            assertThat(browser.h1()).isEqualTo("Kiera Keyboardson");
            // A contact recorded with the keyboard: the link, the radios (Space), the date, the button (Enter).
            tabTo(browser, "the link to record a contact", () -> "Record a contact".equals(browser.focused().getText()));
            browser.focused().sendKeys(Keys.ENTER);
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-testid=action-form]")));
            tabTo(browser, "the first channel", () -> "channel".equals(browser.focused().getAttribute("name")));
            browser.focused().sendKeys(Keys.SPACE);
            tabTo(browser, "the first direction", () -> "direction".equals(browser.focused().getAttribute("name")));
            browser.focused().sendKeys(Keys.SPACE);
            tabTo(browser, "the day", () -> "contactedOn-day".equals(browser.focused().getAttribute("id")));
            LocalDate yesterday = LocalDate.now().minusDays(1);
            browser.focused().sendKeys(Integer.toString(yesterday.getDayOfMonth()), Keys.TAB);
            browser.focused().sendKeys(Integer.toString(yesterday.getMonthValue()), Keys.TAB);
            browser.focused().sendKeys(Integer.toString(yesterday.getYear()));
            tabTo(browser, "the button", () -> "Record contact".equals(browser.focused().getText()));
            browser.focused().sendKeys(Keys.ENTER);
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nhsuk-notification-banner")));
            assertThat(browser.find(".nhsuk-notification-banner").getText()).contains("Contact by", "recorded");
            // Back to the top and to the sign-out button.
            browser.go("/caseload");
            for (int i = 0; i < 10 && !"Sign out".equals(browser.focused().getText()); i++) {
                browser.focused().sendKeys(Keys.TAB);
            }
            assertThat(browser.focused().getText()).isEqualTo("Sign out");
            browser.focused().sendKeys(Keys.ENTER);
            browser.waitFor(ExpectedConditions.urlContains("/sign-in"));
        });
    }

    /** Presses Tab until {@code reached}, at most 60 times. */
    private static void tabTo(ConsoleBrowser browser, String what, BooleanSupplier reached) {
        for (int i = 0; i < 60 && !reached.getAsBoolean(); i++) {
            browser.focused().sendKeys(Keys.TAB);
        }
        assertThat(reached.getAsBoolean()).as("Tab reaches " + what).isTrue();
    }

    @Test
    void aLinkWorkerIsRefusedAnotherLinkWorkersParticipant() {
        String participantId = enrolledOfLinkWorkerOne(api(), "Nadia", "Notyours").get("participantId");
        journey("refused", browser -> {
            browser.signIn("linkworker2", Api.PASSWORD);
            browser.go("/participants/" + participantId);
            assertThat(browser.h1()).isEqualTo("Page not found");
            assertThat(browser.find("main").getText()).doesNotContain("Notyours");
            browser.assertAccessible();
        });
    }

    @Test
    void aSessionThatEndedSendsThePersonToSignInAgain() {
        journey("expired", browser -> {
            browser.signIn("linkworker", Api.PASSWORD);
            Cookie session = browser.driver().manage().getCookieNamed("signpost-session");
            assertThat(session).isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            // The server no longer has that session (ended while the browser kept its cookie).
            browser.driver().manage().deleteCookieNamed("signpost-session");
            browser.driver().manage().addCookie(new Cookie.Builder("signpost-session", "ended-session-id")
                    .path("/").isHttpOnly(true).build());
            browser.go("/caseload");
            assertThat(browser.path()).isEqualTo("/sign-in");
            assertThat(browser.find("main").getText()).contains("Your session ended");
            browser.assertAccessible();
        });
    }

    @Test
    void aWrongPasswordIsSaidAndTheSummaryLeadsToTheField() {
        journey("wrong-password", browser -> {
            browser.go("/sign-in");
            browser.find("#username").sendKeys("no-such-user");
            browser.find("#password").sendKeys("not-the-password");
            browser.find("form[action='/sign-in'] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nhsuk-error-summary")));
            browser.assertAccessible();
            browser.find(".nhsuk-error-summary a").click();
            assertThat(browser.focused().getAttribute("id")).isEqualTo("username");
        });
    }

    @Test
    void theInboxFiltersWithoutAReloadAndTheCaseloadFitsATablet() {
        enrolledOfLinkWorkerOne(api(), "Tabitha", "Tabletford");
        journey("tablet", new Dimension(768, 1024), browser -> {
            browser.signIn("manager", Api.PASSWORD);
            assertThat(browser.path()).isEqualTo("/inbox");
            // htmx: choosing a source replaces the list alone; the page (and this mark on it) stays.
            ((JavascriptExecutor) browser.driver()).executeScript("document.body.dataset.mark = 'same page';");
            new Select(browser.find("#source")).selectByValue("GP");
            browser.waitFor(ExpectedConditions.urlContains("source=GP"));
            assertThat(browser.find("body").getAttribute("data-mark")).isEqualTo("same page");
            browser.assertAccessible();
            // A manager's seven menu items do not fit a tablet: the last ones go under "More", nothing sideways.
            assertThat(sideways(browser)).as("no scrolling sideways on the inbox at tablet width").isLessThanOrEqualTo(0);
            browser.find(".nhsuk-header__menu-toggle").click();
            browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".nhsuk-header__menu-list a[href='/read-models']")));
            browser.assertAccessible();
            browser.go("/caseloads/lw-1");
            assertThat(sideways(browser)).as("no scrolling sideways at tablet width").isLessThanOrEqualTo(0);
            browser.assertAccessible();
        });
    }

    /** How far the page scrolls sideways (0 or less: not at all). */
    private static int sideways(ConsoleBrowser browser) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue();
    }
}
