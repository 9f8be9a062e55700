package dev.refgrade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium for a test class, driven through Debian's chromedriver: both paths
 * are given, so Selenium never looks for (or downloads) a browser. Screenshots go to
 * target/screenshots/ for a person to look at; downloads to a fresh folder under target/.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /**
     * The tests drive the page through WebDriver, never DevTools, so Selenium's warning that it has
     * no DevTools protocol for this Chromium's version says nothing about them. Held here: JUL keeps
     * only a weak reference to a logger, and a collected one would forget its level.
     */
    private static final java.util.logging.Logger CDP_VERSIONS = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSIONS.setLevel(java.util.logging.Level.SEVERE);
    }

    final ChromeDriver driver;
    final Path downloads;
    private final String base;

    Browser(String base) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        this.base = base;
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(Path.of("target"));
        downloads = Files.createTempDirectory(Path.of("target"), "downloads-").toAbsolutePath();
        Path profile = Files.createTempDirectory("refgrade-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1300", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    void open(String page) {
        driver.get(base + page);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        // Pages re-render parts of themselves; an element found just before that is simply looked up again.
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until the element's text contains {@code text}, and returns that text. */
    String waitForText(String css, String text) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(text) ? found.get(0).getText() : null;
        });
    }

    /** The whole page, not just the window: Chrome's own capture beyond the viewport. */
    void screenshot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) driver.executeScript(
                "const e = document.documentElement; return {w: e.scrollWidth, h: e.scrollHeight};");
        capture(name, Map.of("x", 0, "y", 0, "width", size.get("w"), "height", size.get("h"), "scale", 1));
    }

    /** The part of the page from the top of {@code from} to the bottom of {@code to}, full width: a long page's passage worth looking at. */
    void screenshot(String name, WebElement from, WebElement to) {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) driver.executeScript("""
                const a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();
                return {y: a.top + scrollY, h: b.bottom - a.top, w: document.documentElement.scrollWidth};""", from, to);
        capture(name, Map.of("x", 0, "y", box.get("y"), "width", box.get("w"), "height", box.get("h"), "scale", 1));
    }

    private void capture(String name, Map<String, Object> clip) {
        String png = (String) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in through the sign-in page and waits for the page the role lands on. */
    void signIn(String token, String landing) {
        open("index.html");
        find("#token").sendKeys(token);
        find("#signin button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().contains(landing) ? true : null);
    }

    /** Submits the exercise page's answers as a student does: the button, then the confirmation when the page asks for one. */
    void submitAnswers() {
        find("#submit").click();
        if (find("#confirm").getAttribute("hidden") == null) find("#confirm-submit").click();
    }

    /** Runs the accessibility smoke check in the page; the problems it finds, none on a good page. */
    void assertAccessible() {
        String check;
        try (var in = Browser.class.getResourceAsStream("/browser/a11y-check.js")) {
            check = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), driver.executeScript(check), "accessibility problems on " + driver.getCurrentUrl());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
