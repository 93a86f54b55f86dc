package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.signpost.app.console.ConsoleBrowser;
import org.signpost.app.console.PageClient;
import org.signpost.app.console.PageClient.Page;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.ReplayGate;

/**
 * The oversight pages of managers and analysts in Debian's Chromium: a replay started from the
 * "Read models" page, its progress bar shown and moving and then its end, all without a reload,
 * while the caseloads page answers a second client; the "Service" page and a flag's list of
 * participants. axe-core on every page; a screenshot of a journey that fails
 * (target/browser-screenshots).
 */
class ConsoleOversightBrowserIT extends AllInOneTest {

    private void journey(String name, Consumer<ConsoleBrowser> steps) {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            try {
                steps.accept(browser);
            } catch (RuntimeException | AssertionError failed) {
                browser.screenshot(name + "-failed");
                throw failed;
            }
        }
    }

    private static Object script(ConsoleBrowser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    /**
     * An attribute or the text of an element, read in one script: the part htmx replaces every
     * second would make an element found first and read after stale.
     */
    private static String read(ConsoleBrowser browser, String css, String attribute) {
        Object value = script(browser, "const element = document.querySelector(arguments[0]);"
                + " return element === null ? null : arguments[1] === null ? element.innerText"
                + " : element.getAttribute(arguments[1]);", css, attribute);
        return value == null ? null : value.toString();
    }

    /**
     * axe-core on the page while a replay runs: htmx's asking is held meanwhile (a part replaced
     * under axe's feet would fail its run, not the page), then goes on.
     */
    private static void assertAccessibleWhilePolling(ConsoleBrowser browser) {
        script(browser, "if (!window.testHold) { window.testHold = {on: false};"
                + " document.body.addEventListener('htmx:beforeRequest', e => { if (window.testHold.on) e.preventDefault(); }); }"
                + " window.testHold.on = true;");
        browser.waitFor(driver -> Boolean.TRUE.equals(script(browser,
                "return document.querySelector('.htmx-request') === null;")));
        browser.assertAccessible();
        script(browser, "window.testHold.on = false;");
    }

    private static long progress(ConsoleBrowser browser) {
        String value = read(browser, "[data-replay=caseload] progress", "value");
        return value == null ? -1 : Long.parseLong(value);
    }

    @Test
    void aManagerWatchesAReplayToItsEndWithoutAReloadWhileTheCaseloadsPageAnswers() throws SQLException {
        awaitProjections(api());
        try (ReplayGate gate = ReplayGate.hold(superuser().getDataSource(), "caseload", "participant_view")) {
            journey("replay", browser -> {
                browser.signIn("manager", Api.PASSWORD);
                browser.go("/read-models");
                assertThat(browser.h1()).isEqualTo("Read models");
                browser.assertAccessible();

                browser.find("#caseload-reason").sendKeys("Watched from the browser test");
                browser.find("form[data-testid=replay-caseload] button[type=submit]").click();
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-replay=caseload]")));
                assertThat(browser.find(".nhsuk-notification-banner__heading").getText())
                        .isEqualTo("Replay of caseload started");
                // From here on the page is never loaded again: the mark stays on it.
                script(browser, "document.body.dataset.mark = 'same page';");
                browser.waitFor(driver -> progress(browser) >= 0);
                assertThat(progress(browser)).isZero();
                assertAccessibleWhilePolling(browser);

                Page caseloads = PageClient.signedIn(port, "coordinator").get("/caseloads");
                assertThat(caseloads.status()).as("the caseloads page answers during the replay").isEqualTo(200);
                assertThat(caseloads.h1()).isEqualTo("Caseloads");

                open(gate::openStart);
                browser.waitFor(driver -> progress(browser) > 0);
                assertThat(progress(browser)).isLessThanOrEqualTo(Long.parseLong(
                        read(browser, "[data-replay=caseload] progress", "max")));
                assertThat(read(browser, "[data-replay=caseload] [data-testid=progress]", null))
                        .contains("events read").contains("a second");
                assertAccessibleWhilePolling(browser);

                open(gate::openWrite);
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-ended=caseload]")));
                assertThat(browser.find("[data-ended=caseload]").getText()).contains("The replay of caseload is complete");
                assertThat(browser.all("[data-replay=caseload]")).isEmpty();
                assertThat(browser.find("tr[data-read-model=caseload] [data-testid=status]").getText())
                        .isEqualTo("Running");
                assertThat(script(browser, "return document.body.dataset.mark;")).isEqualTo("same page");
                assertThat(browser.find("#read-models-status").getAttribute("hx-trigger")).as("the asking stopped")
                        .isNull();
                browser.assertAccessible();
            });
        }
        awaitProjections(api());
    }

    @Test
    void aManagerReadsTheServicePageAndFollowsAFlagToAParticipant() {
        String participantId = enrolledOfLinkWorkerOne(api(), "Browsie", "Flagworth").get("participantId");
        awaitProjections(api());
        journey("service", browser -> {
            browser.signIn("manager", Api.PASSWORD);
            browser.go("/service");
            assertThat(browser.h1()).isEqualTo("Service");
            assertThat(browser.all("[data-testid=caseloads] meter")).isNotEmpty()
                    .allSatisfy(meter -> assertThat(meter.isDisplayed()).isTrue());
            browser.assertAccessible();

            browser.find("[data-testid=flags] tr[data-flag=NO_CONTACT_14_DAYS] a").click();
            browser.waitFor(ExpectedConditions.urlContains("/service/flags/no-contact-14-days"));
            assertThat(browser.h1()).isEqualTo("No contact for 14 days");
            browser.assertAccessible();

            browser.find("tr[data-participant-id='" + participantId + "'] a").click();
            browser.waitFor(ExpectedConditions.urlContains("/participants/" + participantId));
            assertThat(browser.h1()).isEqualTo("Browsie Flagworth");
        });
    }

    @Test
    void anAnalystsReadModelsPageIsAccessible() {
        journey("analyst", browser -> {
            browser.signIn("analyst", Api.PASSWORD);
            browser.go("/read-models");
            assertThat(browser.all("[data-testid=read-models] tbody tr")).hasSize(4);
            browser.assertAccessible();
        });
    }

    /** A gate opened from within a journey. */
    private interface Gate {
        void open() throws SQLException;
    }

    private static void open(Gate gate) {
        try {
            gate.open();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
