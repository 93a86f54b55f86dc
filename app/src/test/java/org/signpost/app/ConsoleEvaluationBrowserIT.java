package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.signpost.app.console.ConsoleBrowser;
import org.signpost.platform.testing.Api;

/**
 * An analyst's evaluation in Debian's Chromium: the period chosen, then an instant to see the
 * figures as of, then a second period to compare with; the charts drawn by Chart.js from the
 * API's figures; the CSV download the API's CSV; axe-core on every state of the page.
 */
class ConsoleEvaluationBrowserIT extends AllInOneTest {

    private static void show(ConsoleBrowser browser) {
        String before = browser.driver().getCurrentUrl();
        browser.find("form[data-testid=period] button[type=submit]").click();
        browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
    }

    private static Object script(ConsoleBrowser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    /** Every canvas of the page has a Chart.js chart drawn on it; answers the number of datasets of each, by canvas id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> chartsDrawn(ConsoleBrowser browser) {
        browser.waitFor(driver -> (Boolean) script(browser, "return typeof Chart !== 'undefined' && Array.from("
                + "document.querySelectorAll('canvas[data-figures]')).every(c => Chart.getChart(c) !== undefined);"));
        Map<String, Long> datasets = (Map<String, Long>) script(browser, "const drawn = {};"
                + "document.querySelectorAll('canvas[data-figures]').forEach(c => {"
                + " const chart = Chart.getChart(c);"
                + " if (c.width > 0 && c.height > 0) { drawn[c.id] = chart.data.datasets.length; } });"
                + "return drawn;");
        assertThat(datasets).as("charts drawn").isNotEmpty();
        return datasets;
    }

    /** The numbers a chart draws, dataset by dataset (JavaScript has one kind of number: as doubles). */
    @SuppressWarnings("unchecked")
    private static List<List<Double>> chartData(ConsoleBrowser browser, String canvasId) {
        List<List<Object>> datasets = (List<List<Object>>) script(browser,
                "return Chart.getChart(document.getElementById(arguments[0])).data.datasets.map(d => d.data);", canvasId);
        List<List<Double>> numbers = new ArrayList<>();
        datasets.forEach(data -> numbers.add(data.stream()
                .map(value -> value == null ? null : ((Number) value).doubleValue()).toList()));
        return numbers;
    }

    private static List<Double> numbers(JsonNode answer, String... paths) {
        List<Double> values = new ArrayList<>();
        for (String path : paths) {
            JsonNode node = answer;
            for (String key : path.split("\\.")) {
                node = node.path(key);
            }
            values.add(node.isNull() ? null : node.asDouble());
        }
        return values;
    }

    @Test
    void anAnalystChoosesAPeriodAnInstantAndAComparisonSeesTheChartsAndDownloadsTheCsv() throws Exception {
        ConsoleEvaluationHttpTest.march2017(api());
        LocalDate from = ConsoleEvaluationHttpTest.MARCH;
        LocalDate to = ConsoleEvaluationHttpTest.APRIL.withDayOfMonth(30);
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            try {
                browser.signIn("analyst", Api.PASSWORD);
                assertThat(browser.path()).isEqualTo("/evaluation");
                assertThat(browser.h1()).isEqualTo("Evaluation");
                chartsDrawn(browser);
                browser.assertAccessible();

                // A period: its figures, month by month too, and its charts.
                browser.date("from", from);
                browser.date("to", to);
                show(browser);
                assertThat(browser.find("[data-testid=periods]").getText()).contains("1 March 2017 to 30 April 2017");
                assertThat(chartsDrawn(browser)).containsEntry("chart-months-a", 2L).containsEntry("chart-sources", 1L);
                browser.find("section[data-metric=continuity] details summary").click();
                assertThat(browser.find("section[data-metric=continuity] details").getAttribute("open")).isNotNull();
                assertThat(browser.find("section[data-metric=continuity] .nhsuk-details__text").getText())
                        .contains("one and the same link worker");
                browser.assertAccessible();

                // A mistake, corrected from the error summary.
                browser.type("#from-day", "31");
                browser.type("#from-month", "2");
                show(browser);
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nhsuk-error-summary")));
                browser.assertAccessible();
                browser.find(".nhsuk-error-summary a[href='#from-day']").click();
                assertThat(browser.focused().getAttribute("id")).isEqualTo("from-day");
                browser.date("from", from);

                // As of an instant, in UK time to the second.
                LocalDateTime local = LocalDateTime.ofInstant(asOf, ConsoleEvaluationHttpTest.LONDON);
                browser.date("asOfDate", local.toLocalDate());
                browser.type("#asOfTime", local.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
                show(browser);
                assertThat(browser.find("[data-testid=as-of]").getText()).contains("only the events recorded by then");
                chartsDrawn(browser);
                browser.assertAccessible();

                // The charts draw the API's figures for the same period and instant.
                String query = ConsoleEvaluationHttpTest.apiQuery(from, to, asOf, false);
                JsonNode evaluation = api().as("analyst").get("/api/metrics/evaluation?" + query).json();
                assertThat(chartData(browser, "chart-sessions")).containsExactly(numbers(evaluation,
                        "sessionsPerPerson.distribution.1", "sessionsPerPerson.distribution.2",
                        "sessionsPerPerson.distribution.3", "sessionsPerPerson.distribution.4",
                        "sessionsPerPerson.distribution.5+"));
                JsonNode months = api().as("analyst").get("/api/metrics/referral-rate?" + query + "&groupBy=month").json();
                assertThat(chartData(browser, "chart-months-a")).containsExactly(
                        numbers(months, "groups.month.2017-03.peopleSeen", "groups.month.2017-04.peopleSeen"),
                        numbers(months, "groups.month.2017-03.referralRatePercent",
                                "groups.month.2017-04.referralRatePercent"));
                assertThat(chartData(browser, "chart-outcomes").get(0)).isEqualTo(numbers(evaluation,
                        "outcomeChange.SWEMWBS.meanChange", "outcomeChange.UCLA3.meanChange",
                        "outcomeChange.ONS4.lifeSatisfaction.meanChange", "outcomeChange.ONS4.worthwhile.meanChange",
                        "outcomeChange.ONS4.happy.meanChange", "outcomeChange.ONS4.anxious.meanChange"));

                // The download link's file is the API's CSV for the same period and instant.
                String href = browser.find("[data-testid=downloads] a[download]").getAttribute("href");
                // Byte for byte: the browser hands the bytes over as numbers (its strings would lose the CRLFs).
                @SuppressWarnings("unchecked")
                List<Number> downloaded = (List<Number>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer())"
                                + ".then(b => done(Array.from(new Uint8Array(b))));", href);
                byte[] csv = api().as("analyst").header("Accept", "text/csv").get("/api/metrics/evaluation?" + query)
                        .body().getBytes(StandardCharsets.UTF_8);
                byte[] bytes = new byte[downloaded.size()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = downloaded.get(i).byteValue();
                }
                assertThat(bytes).isEqualTo(csv);
                assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\npeopleSeen,");

                // A comparison with March alone: both periods and the change, and the charts with both.
                browser.date("compareFrom", from);
                browser.date("compareTo", from.withDayOfMonth(31));
                browser.find("#publication").click();
                show(browser);
                assertThat(browser.find("[data-testid=periods]").getText()).contains("Period B", "Fit to publish");
                assertThat(browser.find("table[data-testid=peopleSeen]").getText()).contains("Change in value");
                Map<String, Long> compared = chartsDrawn(browser);
                assertThat(compared).containsEntry("chart-sources", 2L).containsEntry("chart-months-b", 2L);
                browser.assertAccessible();
                assertThat(browser.find("main").getText()).doesNotContain("Evalina", "Figurehead");
            } catch (RuntimeException | AssertionError failed) {
                browser.screenshot("evaluation-failed");
                throw failed;
            }
            browser.screenshot("evaluation");
        }
    }

    /** With the keyboard only: the form, the definitions and the download link are reachable and work. */
    @Test
    void theDefinitionsOpenFromTheKeyboard() {
        try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
            browser.signIn("manager", Api.PASSWORD);
            browser.go("/evaluation");
            chartsDrawn(browser);
            WebElement summary = browser.find("section[data-metric=referralRate] details summary");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus();", summary);
            browser.focused().sendKeys(Keys.ENTER);
            assertThat(browser.find("section[data-metric=referralRate] details").getAttribute("open")).isNotNull();
            assertThat(browser.find("section[data-metric=referralRate] .nhsuk-details__text").getText())
                    .isEqualTo("referralRate: referredToVcse / peopleSeen");
            browser.assertAccessible();
        }
    }
}
