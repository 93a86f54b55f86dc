package org.signpost.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (named, so that Selenium never
 * downloads a driver or a browser), against the console of a running service; with axe-core
 * checked on every page it is asked to check. Without chromium and chromedriver on the machine
 * the tests that use it are skipped with one line that says so.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The WCAG 2.2 A and AA rules, as axe-core tags them. */
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final String baseUrl;
    private final WebDriver driver;
    private final Path userData;
    private final String axe;

    private ConsoleBrowser(int port, Dimension size) {
        this.baseUrl = "http://127.0.0.1:" + port;
        try {
            this.userData = Files.createTempDirectory("signpost-chromium");
            this.axe = Files.readString(Path.of(System.getProperty("signpost.axe", "../console/target/axe-core/axe.min.js")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + userData,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A desktop-sized window. */
    public static ConsoleBrowser open(int port) {
        return open(port, new Dimension(1280, 900));
    }

    public static ConsoleBrowser open(int port, Dimension size) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: Debian's chromium and chromium-driver are not installed "
                        + "(apt-get install chromium chromium-driver)");
        return new ConsoleBrowser(port, size);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String h1() {
        return find("h1").getText();
    }

    /** Signs in through the sign-in page as a person would, with the mouse. */
    public void signIn(String user, String password) {
        go("/sign-in");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("form[action='/sign-in'] button[type=submit]").click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
    }

    /** Replaces what an input holds with {@code text}, typed. */
    public void type(String css, String text) {
        find(css).clear();
        find(css).sendKeys(text);
    }

    /** Types a date into the design system's date input whose inputs' ids start with {@code id}. */
    public void date(String id, LocalDate date) {
        type("#" + id + "-day", Integer.toString(date.getDayOfMonth()));
        type("#" + id + "-month", Integer.toString(date.getMonthValue()));
        type("#" + id + "-year", Integer.toString(date.getYear()));
    }

    public void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    /** The element that has the keyboard's focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * axe-core on the page as it is: no violation of a WCAG 2.2 A or AA rule. A violation fails
     * with its rule, its help and the elements it found.
     */
    @SuppressWarnings("unchecked")
    public void assertAccessible() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                   .then(r => done(r.violations.map(v => ({id: v.id, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                   .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));""", WCAG);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        List<String> said = new ArrayList<>();
        violations.forEach(v -> said.add(v.get("id") + ": " + v.get("help") + " at " + v.get("nodes")));
        assertThat(said).as("axe-core's WCAG 2.2 A/AA violations on " + path()).isEmpty();
    }

    /** The page as it looks now, into the directory of screenshots (target/browser-screenshots). */
    public Path screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of(System.getProperty("signpost.screenshots",
                    "target/browser-screenshots")));
            Path file = directory.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(userData)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is no failure of the test.
        }
    }
}
