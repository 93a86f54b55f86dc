package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.signpost.app.console.ConsoleBrowser;
import org.signpost.platform.testing.Api;

/**
 * The auditor's and the data protection officer's journeys in Debian's Chromium: following one
 * referral's history from the audit trail with its payload opened, running the integrity check
 * from its button; an erasure after which the participant's page shows nothing personal. axe-core
 * on every page they see.
 */
class ConsoleAuditBrowserIT extends AllInOneTest {

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

    private static void type(ConsoleBrowser browser, String css, String text) {
        browser.find(css).clear();
        browser.find(css).sendKeys(text);
    }

    @Test
    void anAuditorFollowsAReferralsHistoryAndRunsTheIntegrityCheck() {
        Map<String, String> ids = enrolledOfLinkWorkerOne(api(), "Browsia", "Auditfollow");
        String referralId = ids.get("referralId");
        awaitProjections(api());
        journey("auditor", browser -> {
            browser.signIn("auditor", Api.PASSWORD);
            assertThat(browser.path()).isEqualTo("/audit");
            browser.assertAccessible();

            type(browser, "#person", referralId);
            browser.find("form[data-testid=search] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=events]")));
            assertThat(browser.all("[data-testid=events] tbody tr")).hasSize(3);
            browser.assertAccessible();

            browser.find("[data-testid=events] tbody tr a").click();
            browser.waitFor(ExpectedConditions.urlContains("/audit/referrals/" + referralId));
            assertThat(browser.h1()).isEqualTo("Referral history");
            browser.assertAccessible();
            assertThat(browser.find("#event-0 details code").isDisplayed()).as("the payload on demand").isFalse();
            browser.find("#event-0 details summary").click();
            browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#event-0 details code")));
            assertThat(browser.find("#event-0 details code").getText()).contains("\"firstName\" : \"Browsia\"");
            browser.assertAccessible();

            browser.find("[data-testid=participant-link]").click();
            browser.waitFor(ExpectedConditions.urlContains("/audit/participants/" + ids.get("participantId")));
            browser.assertAccessible();

            browser.go("/audit/reads?person=" + referralId);
            assertThat(browser.all("[data-testid=reads] tbody tr")).isNotEmpty();
            browser.assertAccessible();

            browser.go("/audit/integrity");
            browser.assertAccessible();
            assertThat(browser.find("[data-testid=checking]").isDisplayed()).isFalse();
            // The check held on the seals' table (as on a store large enough to take seconds), so
            // that the page is seen while it waits: the "checking" line shown, the button off.
            try (Connection holder = superuser().getDataSource().getConnection()) {
                holder.setAutoCommit(false);
                try (Statement lock = holder.createStatement()) {
                    lock.execute("LOCK TABLE chain_seal IN ACCESS EXCLUSIVE MODE");
                }
                browser.find("form[data-testid=check] button").click();
                browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=checking]")));
                assertThat(browser.find("[data-testid=checking]").getText())
                        .isEqualTo("Checking every stored event and every read…");
                assertThat(browser.find("form[data-testid=check] button").isEnabled()).as("not asked twice").isFalse();
                assertThat(browser.all("[data-testid=verdict]")).isEmpty();
                holder.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=verdict]"),
                    "The stored history is intact"));
            assertThat(browser.find("form[data-testid=check] button").isEnabled()).isTrue();
            assertThat(browser.path()).as("the result in the page, without a reload").isEqualTo("/audit/integrity");
            assertThat(browser.find("[data-testid=checking]").isDisplayed()).isFalse();
            assertThat(browser.find("[data-testid=events] [data-testid=status]").getText()).isEqualTo("Intact");
            browser.assertAccessible();

            browser.go("/erasures");
            browser.assertAccessible();
        });
    }

    @Test
    void aDataProtectionOfficersErasureLeavesTheParticipantPageWithNothingPersonal() {
        Map<String, String> ids = enrolledOfLinkWorkerOne(api(), "Vanessa", "Browsererase");
        String referralId = ids.get("referralId");
        LocalDate born = LocalDate.now().minusYears(15);
        journey("dpo", browser -> {
            browser.signIn("dpo", Api.PASSWORD);
            assertThat(browser.path()).isEqualTo("/find");
            browser.assertAccessible();
            type(browser, "#by-name-surname", "Browsererase");
            type(browser, "#by-name-dateOfBirth-day", String.valueOf(born.getDayOfMonth()));
            type(browser, "#by-name-dateOfBirth-month", String.valueOf(born.getMonthValue()));
            type(browser, "#by-name-dateOfBirth-year", String.valueOf(born.getYear()));
            browser.find("form[data-testid=by-name] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=to-erasure]")));
            browser.assertAccessible();

            browser.find("[data-testid=to-erasure]").click();
            browser.waitFor(ExpectedConditions.urlContains("/erasure/referrals/" + referralId));
            assertThat(browser.find("[data-testid=person]").getText()).contains("Vanessa Browsererase");
            browser.assertAccessible();

            type(browser, "#reason", "Erasure request DPO-2026-118 upheld");
            type(browser, "#confirm", "not the reference");
            browser.find("form[data-testid=erase] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nhsuk-error-summary")));
            assertThat(browser.find(".nhsuk-error-summary").getText()).contains("nothing has been erased");
            browser.assertAccessible();
            browser.find(".nhsuk-error-summary a[href='#confirm']").click();
            assertThat(browser.focused().getAttribute("id")).isEqualTo("confirm");
            type(browser, "#confirm", browser.find("[data-testid=referral-reference]").getText());
            browser.find("form[data-testid=erase] button[type=submit]").click();

            browser.waitFor(ExpectedConditions.urlContains("/done"));
            assertThat(browser.h1()).isEqualTo("Personal data erased");
            browser.assertAccessible();
            browser.go("/erasures");
            browser.assertAccessible();

            browser.find("form[action='/sign-out'] button").click();
            browser.waitFor(ExpectedConditions.urlContains("/sign-in"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api()
                    .as("coordinator").get("/api/participants/" + ids.get("participantId")).json().path("name").isNull());
            browser.signIn("coordinator", Api.PASSWORD);
            browser.go("/participants/" + ids.get("participantId"));
            assertThat(browser.h1()).isEqualTo("Personal data erased");
            String page = browser.find("main").getText();
            assertThat(page).doesNotContain("Vanessa", "Browsererase", "07700 900321", "AN1 5LY", "Referrer Rosalind",
                    "Analyst-notes-77");
            browser.assertAccessible();
        });
    }
}
