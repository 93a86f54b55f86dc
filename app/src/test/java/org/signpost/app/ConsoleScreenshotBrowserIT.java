package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.signpost.app.console.ConsoleBrowser;
import org.signpost.app.demo.DemoHistory;
import org.signpost.app.demo.DemoRunner;
import org.signpost.app.demo.ServiceClient;
import org.signpost.app.demo.SignIn;
import org.signpost.platform.testing.Api;

/**
 * The README's picture of the console: the demo's year of history (the same plan as `./signpost
 * demo`, sent through the API), then the caseload page of the demo's third link worker as she sees
 * it, saved as target/browser-screenshots/readme-caseload.png (docs/testing.md says how it goes into
 * docs/images).
 */
class ConsoleScreenshotBrowserIT extends AllInOneTest {

    /** The demo's users by the test users who act for them; the fourth link worker's support a manager records. */
    private Map<String, SignIn> demoUsers() {
        Map<String, SignIn> users = new LinkedHashMap<>();
        for (String[] pair : new String[][] {{"coordinator", "coordinator"}, {"manager", "manager"}, {"dpo", "dpo"},
                {"analyst", "analyst"}, {"linkworker1", "linkworker"}, {"linkworker2", "linkworker2"},
                {"linkworker3", "linkworker3"}, {"linkworker4", "manager"}}) {
            users.put(pair[0], new SignIn(pair[1], Api.PASSWORD));
        }
        return users;
    }

    @Test
    void theCaseloadPageOfTheDemosHistory() {
        new DemoRunner(new ServiceClient(URI.create("http://127.0.0.1:" + port)), demoUsers())
                .run(DemoHistory.plan(19, LocalDate.now()), sent -> { });
        try (ConsoleBrowser browser = ConsoleBrowser.open(port, new Dimension(1280, 1000))) {
            browser.signIn("linkworker3", Api.PASSWORD);
            assertThat(browser.path()).isEqualTo("/caseload");
            assertThat(browser.all("table tbody tr")).as("the demo's participants of lw-3").isNotEmpty();
            browser.assertAccessible();
            Path picture = browser.screenshot("readme-caseload");
            assertThat(picture).isNotEmptyFile();
        }
    }
}
